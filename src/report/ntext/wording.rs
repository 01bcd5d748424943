//! How a finding states the cells it compared, so that a clerk can see why:
//! `（一）予以公开 22 + （二）部分公开 20 = 42`.

use super::super::template::CellKey;
use super::reader::Reader;

impl<'a> Reader<'a> {
    /// `（一）予以公开 22 + （二）部分公开 20 = 42`, in both languages; a sum of many rows names
    /// its group and the rows that are not 0.
    pub(super) fn expression(&self, label: &str, cells: &[CellKey]) -> (String, String) {
        let named: Vec<(String, i64)> = cells
            .iter()
            .map(|&c| {
                let name = self
                    .template
                    .cell(c)
                    .map_or_else(|| c.to_string(), |at| at.short_name());
                (name, self.sheet.whole(c))
            })
            .collect();
        let sum = self.value(cells);
        let join = |items: &[(String, i64)]| {
            items
                .iter()
                .map(|(n, v)| format!("{n} {v}"))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        match named.as_slice() {
            [one] => {
                let s = join(std::slice::from_ref(one));
                (s.clone(), s)
            }
            [_, _] => {
                let s = format!("{} = {sum}", join(&named));
                (s.clone(), s)
            }
            many => {
                // Rows of one group share the start of their names; the group's label says it.
                let prefix = common_prefix(many.iter().map(|(n, _)| n.as_str()));
                let shown: Vec<(String, i64)> = many
                    .iter()
                    .filter(|(_, v)| *v != 0)
                    .map(|(n, v)| (n[prefix..].to_string(), *v))
                    .collect();
                let head = if label.is_empty() {
                    String::new()
                } else {
                    format!("{label}：")
                };
                if shown.is_empty() {
                    (
                        format!("{label}各项均为0"),
                        format!("every row of {label} is 0"),
                    )
                } else if shown.len() == many.len() {
                    let s = format!("{head}{} = {sum}", join(&shown));
                    (s.clone(), s)
                } else {
                    let s = format!("{head}{} = {sum}", join(&shown));
                    (
                        format!("{s}（其余各项为0）"),
                        format!("{s} (the other rows are 0)"),
                    )
                }
            }
        }
    }
}

/// The length in bytes of the start `names` share, cut after a space (the name of their row).
fn common_prefix<'s>(mut names: impl Iterator<Item = &'s str>) -> usize {
    let Some(first) = names.next() else { return 0 };
    let mut len = first.len();
    for n in names {
        len = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    first[..len].rfind(' ').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_prefixes_stop_at_a_word() {
        let names = ["一、本年新收 商业企业", "一、本年新收 科研机构"];
        assert_eq!(common_prefix(names.iter().copied()), "一、本年新收 ".len());
        assert_eq!(common_prefix(["1.属于", "2.其他"].iter().copied()), 0);
    }
}
