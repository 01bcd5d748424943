//! Numbers in the text that always agree with the tables: placeholders such as `{{办结申请}}`
//! are filled in from the sheet at export. The bindings that name them are also what rule
//! N-text (`ntext`) reads hand-typed numbers with.

use super::compute::Sheet;
use super::template::{Binding, CellKey, Template};

/// The sum of `cells` for arithmetic (blank and invalid cells are 0).
pub fn value_of(cells: &[CellKey], sheet: &Sheet) -> i64 {
    cells
        .iter()
        .fold(0_i64, |acc, c| acc.saturating_add(sheet.whole(*c)))
}

/// The value a binding stands for.
pub fn value(binding: &Binding, sheet: &Sheet) -> i64 {
    value_of(binding.cells, sheet)
}

/// The binding with this placeholder name.
pub fn by_token(template: &Template, token: &str) -> Option<&'static Binding> {
    template.bindings.iter().find(|b| b.token == token)
}

/// A placeholder in a text: where `{{` starts and `}}` ends, in characters, and the name
/// between them as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where `{{` starts.
    pub start: usize,
    /// Where `}}` ends.
    pub end: usize,
    /// The name between the braces, untrimmed.
    pub name: String,
}

/// Every closed placeholder in `text`, in order.
pub fn tokens(text: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < text.len() {
        if text[i] == '{' && text[i + 1] == '{' {
            let close = (i + 2..text.len().saturating_sub(1))
                .find(|&j| text[j] == '}' && text[j + 1] == '}');
            match close {
                Some(j) => {
                    out.push(Token {
                        start: i,
                        end: j + 2,
                        name: text[i + 2..j].iter().collect(),
                    });
                    i = j + 2;
                    continue;
                }
                None => break,
            }
        }
        i += 1;
    }
    out
}

/// `text` with every known `{{token}}` replaced by its number; unknown ones are left as typed.
pub fn fill(template: &Template, sheet: &Sheet, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for t in tokens(&chars) {
        if let Some(b) = by_token(template, t.name.trim()) {
            out.extend(&chars[at..t.start]);
            out.push_str(&value(b, sheet).to_string());
            at = t.end;
        }
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_found_by_character() {
        let text: Vec<char> = "办结{{办结申请}}件，{{ 未知 }}与{{未闭合".chars().collect();
        let found = tokens(&text);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].end), (2, 10));
        assert_eq!(found[1].name, " 未知 ");
    }
}
