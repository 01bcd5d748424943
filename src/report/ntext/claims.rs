//! Claims without a number: a denial (`未发生…行政复议`) says a binding is 0, and `均获维持`
//! says every case of the kinds named was upheld.

use super::super::finding::{Finding, Severity};
use super::super::message::Message;
use super::super::template::{Binding, Rule};
use super::reader::Reader;
use super::Place;

impl<'a> Reader<'a> {
    /// `未发生…行政复议`, `无…行政诉讼`, `未收到…申请`: each binding named must be 0.
    pub(super) fn denials(&self, place: &Place, out: &mut Vec<Finding>) {
        let w = self.words;
        let mut i = 0;
        while i < self.text.len() {
            let Some(n) = self.word_at(i, w.denials) else {
                i += 1;
                continue;
            };
            // 无 of 无法提供 is a phrase's, not a denial.
            if self.phrases.iter().any(|p| p.0 == i && p.1 > i + n) {
                i += 1;
                continue;
            }
            let denial_end = i + n;
            let mut named: Vec<&Binding> = self
                .phrases
                .iter()
                .filter(|p| p.0 >= i && p.1 == denial_end)
                .map(|p| p.2)
                .collect();
            let mut j = denial_end;
            loop {
                j = self.skip(j, &[w.denied_between, w.connectors]);
                match self.phrases.iter().filter(|p| p.0 == j).max_by_key(|p| p.1) {
                    Some(p) => {
                        named.extend(
                            self.phrases
                                .iter()
                                .filter(|q| q.0 == p.0 && q.1 == p.1)
                                .map(|q| q.2),
                        );
                        j = p.1;
                    }
                    None => break,
                }
            }
            let clause_end = self.clause_end(denial_end);
            named.retain(|b| b.context.is_empty() && self.known(b.cells));
            if named.is_empty() || !self.only(j, clause_end, &[w.denied_after]) {
                i = denial_end;
                continue;
            }
            let wrong: Vec<(String, String)> = named
                .iter()
                .filter(|b| self.value(b.cells) != 0)
                .map(|b| self.expression(b.label, b.cells))
                .collect();
            if !wrong.is_empty() {
                let quote: String = self.original[i..clause_end].iter().collect();
                out.push(Finding {
                    rule: Rule::NText,
                    severity: Severity::Warning,
                    location: place.location(self, i, denial_end, Vec::new()),
                    message: Message::new(
                        format!(
                            "{}写“{quote}”，但表格中{}。请核对文字或表格",
                            place.name(),
                            wrong.iter().map(|(z, _)| z.as_str()).collect::<Vec<_>>().join("，")
                        ),
                        format!(
                            "{} says “{quote}” (none) but in the tables {}. Check the text or the tables",
                            place.name(),
                            wrong.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                });
            }
            i = clause_end;
        }
    }

    /// `行政复议4件，行政诉讼2件，均获维持`: every case of the kinds named was upheld.
    pub(super) fn all_upheld(&self, place: &Place, out: &mut Vec<Finding>) {
        let w = self.words;
        let mut i = 0;
        while i < self.text.len() {
            let Some(n) = self.word_at(i, w.all_upheld) else {
                i += 1;
                continue;
            };
            let sentence = self.sentence_start(i);
            let clause = self.clause_start(i);
            i += n;
            if self.contains(sentence, i, w.except) {
                continue;
            }
            let kinds = |from: usize| -> Vec<&Binding> {
                let mut kinds: Vec<&Binding> = Vec::new();
                for p in self.phrases.iter().filter(|p| p.0 >= from && p.1 <= i - n) {
                    if !p.2.not_upheld.is_empty() && !kinds.iter().any(|k| std::ptr::eq(*k, p.2)) {
                        kinds.push(p.2);
                    }
                }
                kinds
            };
            let mut named = kinds(clause);
            if named.is_empty() {
                named = kinds(sentence);
            }
            let wrong: Vec<(String, String)> = named
                .iter()
                .filter(|b| self.known(b.not_upheld) && self.value(b.not_upheld) != 0)
                .map(|b| self.expression(b.label, b.not_upheld))
                .collect();
            if wrong.is_empty() {
                continue;
            }
            let quote: String = self.original[sentence..i].iter().collect();
            let quote = quote.trim();
            out.push(Finding {
                rule: Rule::NText,
                severity: Severity::Warning,
                location: place.location(self, i - n, i, Vec::new()),
                message: Message::new(
                    format!(
                        "{}写“{quote}”，但表格中有未获维持的案件：{}。请核对文字或表格",
                        place.name(),
                        wrong.iter().map(|(z, _)| z.as_str()).collect::<Vec<_>>().join("；")
                    ),
                    format!(
                        "{} says “{quote}” (all upheld) but the tables have cases not upheld: {}. Check the text or the tables",
                        place.name(),
                        wrong.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>().join("; ")
                    ),
                ),
            });
        }
    }
}
