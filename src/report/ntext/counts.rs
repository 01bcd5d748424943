//! Counts (`予以公开及部分公开42件`): which binding a number quotes, when that is certain, and
//! the finding when it disagrees with the sum the binding names; placeholders no binding knows.

use super::super::bindings::{by_token, tokens};
use super::super::finding::{Finding, Severity};
use super::super::message::Message;
use super::super::template::{Binding, CellKey, Rule};
use super::reader::{Bound, Number, Reader};
use super::Place;

impl<'a> Reader<'a> {
    /// The binding of a count, when it is certain.
    pub(super) fn bind(&self, number: Number) -> Option<Bound<'a>> {
        let lead_start = self.lead_start(number.start);
        let before: Vec<_> = self
            .phrases
            .iter()
            .filter(|p| p.0 >= lead_start && p.1 <= number.start)
            .collect();
        // The nearest phrase before the number; the longest where two end there.
        let &&(start, end, _) = before.iter().max_by_key(|p| (p.1, p.1 - p.0))?;
        let nearest: Vec<&Binding> = before
            .iter()
            .filter(|p| p.0 == start && p.1 == end)
            .map(|p| p.2)
            .filter(|b| {
                self.only(end, number.start, &[self.words.between, b.context])
                    && (b.context.is_empty() || self.context_at(b, number.start).is_some())
            })
            .collect();
        // Where phrases are shared (现行有效), the row named nearest before the number decides.
        let binding = match nearest.as_slice() {
            [one] => *one,
            [] => return None,
            many => {
                let best = many
                    .iter()
                    .filter_map(|b| self.context_at(b, number.start).map(|at| (at, *b)))
                    .max_by_key(|(at, _)| *at)?;
                let ties = many
                    .iter()
                    .filter(|b| self.context_at(b, number.start) == Some(best.0))
                    .count();
                if ties > 1 {
                    return None;
                }
                best.1
            }
        };
        // "完成公文属性转换13件（现行有效8件，废止5件）": a bracket opened right after another
        // count breaks that count down; a row named before the bracket is not what it counts.
        if let Some(open) = self.bracket_after_count(number.start) {
            if !binding.context.is_empty()
                && self
                    .context_at(binding, number.start)
                    .is_none_or(|at| at <= open)
            {
                return None;
            }
        }
        let w = self.words;
        let clause = (
            self.clause_start(number.start),
            self.clause_end(number.start),
        );
        if self.contains(clause.0, clause.1, w.respective)
            || self.contains(lead_start, start, w.qualifiers)
            || self.contains(lead_start, start, w.elsewhere)
            || (!binding.subject
                && self.contains(lead_start, start, w.reasons)
                && !self.contains(lead_start, start, w.any_reason))
            || self.other_year(lead_start, start)
        {
            return None;
        }
        // Another phrase before this one competes for the number, unless this one names the
        // thing counted and the others only what was done (办结行政复议案件4件).
        let rivals: Vec<&Binding> = before
            .iter()
            .filter(|p| p.1 <= start && !std::ptr::eq(p.2, binding))
            .map(|p| p.2)
            .collect();
        let decided = binding.subject && rivals.iter().all(|r| !r.subject);
        if !rivals.is_empty() && !decided {
            return None;
        }
        if !self.known(binding.cells) {
            return None;
        }
        if binding.scoped && self.other_row_named(binding, start) {
            return None;
        }
        let mut sums: Vec<&[CellKey]> = std::iter::once(binding.cells)
            .chain(binding.or.iter().copied())
            .collect();
        if let Some(included) = self.included(number) {
            sums.retain(|s| included.cells.iter().all(|c| s.contains(c)));
            if sums.is_empty() {
                return None;
            }
        }
        Some(Bound {
            number,
            binding,
            phrase: start,
            sums,
        })
    }

    /// Where the bracket that `at` is inside opens, when a count (digits and a unit) stands
    /// right before it.
    pub(super) fn bracket_after_count(&self, at: usize) -> Option<usize> {
        let t = &self.text;
        let from = self.sentence_start(at);
        let mut depth = 0usize;
        let open = (from..at).rev().find(|&i| match t[i] {
            '）' | ')' => {
                depth += 1;
                false
            }
            '（' | '(' if depth == 0 => true,
            '（' | '(' => {
                depth -= 1;
                false
            }
            _ => false,
        })?;
        let unit = self.words.units.iter().find(|u| {
            let n = u.chars().count();
            open >= n && self.at(open - n, u)
        })?;
        let before_unit = open - unit.chars().count();
        (before_unit > 0 && t[before_unit - 1].is_ascii_digit()).then_some(open)
    }

    /// Whether the sentence before `before` names a row of `binding`'s table that none of its
    /// sums is of (在已办结的申请中 before 自然人).
    pub(super) fn other_row_named(&self, binding: &Binding, before: usize) -> bool {
        let own = |c: &CellKey| {
            std::iter::once(binding.cells)
                .chain(binding.or.iter().copied())
                .flatten()
                .any(|k| k.table == c.table && k.row == c.row)
        };
        let table = binding.cells.first().map(|c| c.table);
        self.phrases
            .iter()
            .filter(|p| p.0 >= self.sentence_start(before) && p.1 <= before)
            .filter(|p| !std::ptr::eq(p.2, binding))
            .flat_map(|p| p.2.cells)
            .any(|c| Some(c.table) == table && !own(c))
    }

    /// Where the nearest word naming `binding`'s row ends, in the sentence before `before`.
    pub(super) fn context_at(&self, binding: &Binding, before: usize) -> Option<usize> {
        let from = self.sentence_start(before);
        (from..before)
            .rev()
            .flat_map(|i| {
                binding
                    .context
                    .iter()
                    .map(move |w| (i, w.chars().count(), *w))
            })
            .find(|(i, n, w)| i + n <= before && self.at(*i, w))
            .map(|(i, n, _)| i + n)
    }

    /// Whether a year other than the report's is named in `from..to` (2020年收到 …).
    pub(super) fn other_year(&self, from: usize, to: usize) -> bool {
        let t = &self.text;
        (from..to.saturating_sub(4)).any(|i| {
            let digits: String = t[i..i + 4].iter().collect();
            (i == 0 || !t[i - 1].is_ascii_digit())
                && digits.chars().all(|c| c.is_ascii_digit())
                && t.get(i + 4) == Some(&'年')
                && digits.parse::<i32>().ok() != Some(self.year)
        })
    }

    /// The binding named in what a count says it includes: （含上年结转5件）.
    pub(super) fn included(&self, number: Number) -> Option<&'a Binding> {
        let mut i = number.after;
        while self.text.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if !matches!(self.text.get(i), Some('(' | '，' | ',')) {
            return None;
        }
        i += 1;
        let n = self.word_at(i, self.words.includes)?;
        let close = self.sentence_end(i);
        self.phrases
            .iter()
            .find(|p| p.0 >= i + n && p.1 <= close)
            .map(|p| p.2)
    }

    pub(super) fn placeholders(&self, place: &Place, out: &mut Vec<Finding>) {
        for t in tokens(&self.original) {
            let token = t.name.trim();
            if by_token(self.template, token).is_some() {
                continue;
            }
            let (start, end) = (t.start, t.end);
            out.push(Finding {
                rule: Rule::NText,
                severity: Severity::Warning,
                location: place.location(self, start, end, Vec::new()),
                message: Message::new(
                    format!(
                        "{}中的占位“{{{{{token}}}}}”不是可用的数据名，导出时会原样印出",
                        place.name()
                    ),
                    format!(
                        "The placeholder “{{{{{token}}}}}” in {} names no table number; it prints as typed",
                        place.name()
                    ),
                ),
            });
        }
    }

    pub(super) fn counts_and_shares(&self, place: &Place, out: &mut Vec<Finding>) {
        // A placeholder with its unit is a count too, always right: a share may follow it.
        let mut placed = self.placeholder_counts().into_iter().peekable();
        let mut last: Option<Bound> = None;
        for &number in &self.numbers {
            while let Some(p) = placed.next_if(|p| p.number.start < number.start) {
                last = Some(p);
            }
            match number.percent {
                None => {
                    let bound = self.bind(number);
                    if let Some(b) = &bound {
                        self.compare_count(b, place, out);
                    }
                    last = bound;
                }
                Some(decimals) => {
                    self.percentage(number, decimals, last.as_ref(), place, out);
                }
            }
        }
    }

    /// The placeholders followed by a unit (`{{予以公开及部分公开}}件`), as bound counts.
    pub(super) fn placeholder_counts(&self) -> Vec<Bound<'a>> {
        tokens(&self.original)
            .into_iter()
            .filter_map(|t| {
                let binding = by_token(self.template, t.name.trim())?;
                let mut j = t.end;
                while self.text.get(j).is_some_and(|c| c.is_whitespace()) {
                    j += 1;
                }
                let n = self.unit_at(j)?;
                Some(Bound {
                    number: Number {
                        start: t.start,
                        end: t.end,
                        after: j + n,
                        value: self.value(binding.cells),
                        percent: None,
                    },
                    binding,
                    phrase: t.start,
                    sums: vec![binding.cells],
                })
            })
            .collect()
    }

    pub(super) fn compare_count(&self, bound: &Bound, place: &Place, out: &mut Vec<Finding>) {
        let Number {
            start,
            end,
            after,
            value,
            ..
        } = bound.number;
        if bound.sums.iter().any(|s| self.value(s) == value) {
            return;
        }
        let b = bound.binding;
        let table = self.value(bound.sums[0]);
        let quote: String = self.original[bound.phrase..after].iter().collect();
        let shown: String = self.original[start..end].iter().collect();
        let (zh, en) = self.expression(b.label, bound.sums[0]);
        let mut others: Vec<(String, String)> = bound.sums[1..]
            .iter()
            .map(|s| self.expression(b.label, s))
            .collect();
        // Two sums that read alike (every row 0) are said once.
        others.retain(|o| o.0 != zh);
        others.dedup();
        let or_zh: String = others
            .iter()
            .map(|(z, _)| format!("；也不等于{z}"))
            .collect();
        let or_en: String = others.iter().map(|(_, e)| format!("; nor {e}")).collect();
        let token = b.token;
        out.push(Finding {
            rule: Rule::NText,
            severity: Severity::Warning,
            location: place.location(
                self,
                start,
                end,
                vec![table.to_string(), format!("{{{{{token}}}}}")],
            ),
            message: Message::new(
                format!(
                    "{}写“{quote}”，但表格中{zh}{or_zh}。请核对：可改为{table}，或改用数据句{{{{{token}}}}}让数字随表格",
                    place.name()
                ),
                format!(
                    "{} says “{quote}” but in the tables {en}{or_en}. Check it: write {table}, or the placeholder {{{{{token}}}}} to keep them in step (it said {shown})",
                    place.name()
                ),
            ),
        });
    }
}
