//! Percentages: a rate (`办结率92.98%`) over the cells it is computed from, or the share of the
//! count before it (`占比58.49%`) of its whole, compared at the precision printed.

use super::super::finding::{Finding, Severity};
use super::super::message::Message;
use super::super::template::{CellKey, Rate, Rule};
use super::reader::{Bound, Number, Reader, CLAUSE_ENDS, SENTENCE_ENDS};
use super::Place;

impl<'a> Reader<'a> {
    /// A percentage: a rate (办结率) or the share of the count before it (占比).
    pub(super) fn percentage(
        &self,
        number: Number,
        decimals: u32,
        last: Option<&Bound>,
        place: &Place,
        out: &mut Vec<Finding>,
    ) {
        let lead = self.lead_start(number.start);
        if let Some((rate, at)) = self.rate_before(lead, number.start) {
            // A rate in a sentence about what is counted elsewhere (群众诉求…办结率100%) is
            // that thing's rate.
            if !self.known(rate.numerator)
                || !self.known(rate.denominator)
                || self.contains(lead, at, self.words.qualifiers)
                || self.contains(self.sentence_start(at), at, self.words.elsewhere)
            {
                return;
            }
            let quote: String = self.original[at..number.end].iter().collect();
            let what = Message::new(
                format!(
                    "{}（{}）÷（{}）",
                    rate_name(rate.phrases),
                    self.expression("", rate.numerator).0,
                    self.expression("", rate.denominator).0
                ),
                format!(
                    "{} ({}) ÷ ({})",
                    rate_name(rate.phrases),
                    self.expression("", rate.numerator).1,
                    self.expression("", rate.denominator).1
                ),
            );
            self.compare_share(
                number,
                decimals,
                (self.value(rate.numerator), self.value(rate.denominator)),
                &quote,
                what,
                place,
                out,
            );
            return;
        }
        let Some(bound) = last.filter(|b| self.known(b.sums[0])) else {
            return;
        };
        let share_at = bound.number.after;
        let mut i = share_at;
        while self
            .text
            .get(i)
            .is_some_and(|c| c.is_whitespace() || matches!(c, '，' | ',' | '(' | '、'))
        {
            i += 1;
        }
        let Some(n) = self.word_at(i, self.words.share) else {
            return;
        };
        // Between 占 and the percentage: nothing but the name of what it is a share of.
        let (from, to) = (i + n, number.start);
        if to < from
            || self.text[from..to]
                .iter()
                .any(|c| c.is_ascii_digit() || SENTENCE_ENDS.contains(c) || CLAUSE_ENDS.contains(c))
        {
            return;
        }
        let named = self
            .phrases
            .iter()
            .filter(|p| p.0 >= from && p.1 <= to)
            .map(|p| p.2)
            .collect::<Vec<_>>();
        let whole: &[CellKey] = match named.as_slice() {
            [] => bound.binding.whole,
            [one] => one.cells,
            _ => return,
        };
        if whole.is_empty() || !self.known(whole) {
            return;
        }
        let quote: String = self.original[bound.phrase..number.end].iter().collect();
        let (part_zh, part_en) = self.expression(bound.binding.label, bound.sums[0]);
        let (whole_zh, whole_en) = self.expression("", whole);
        let what = Message::new(
            format!("（{part_zh}）÷（{whole_zh}）"),
            format!("({part_en}) ÷ ({whole_en})"),
        );
        self.compare_share(
            number,
            decimals,
            (self.value(bound.sums[0]), self.value(whole)),
            &quote,
            what,
            place,
            out,
        );
    }

    /// The rate whose phrase stands right before the percentage at `before`, and where it starts.
    pub(super) fn rate_before(&self, from: usize, before: usize) -> Option<(&'a Rate, usize)> {
        self.template.rates.iter().find_map(|rate| {
            rate.phrases.iter().find_map(|p| {
                let n = p.chars().count();
                (from..before)
                    .rev()
                    .find(|&i| i + n <= before && self.at(i, p))
                    .filter(|&i| self.only(i + n, before, &[self.words.between]))
                    .map(|i| (rate, i))
            })
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn compare_share(
        &self,
        number: Number,
        decimals: u32,
        (part, whole): (i64, i64),
        quote: &str,
        what: Message,
        place: &Place,
        out: &mut Vec<Finding>,
    ) {
        if whole <= 0 || part < 0 {
            return;
        }
        let printed = number.value;
        let (rounded, truncated) = percent(part, whole, decimals);
        if printed == rounded || printed == truncated {
            return;
        }
        let right = format_scaled(rounded, decimals);
        let shown: String = self.original[number.start..number.end].iter().collect();
        out.push(Finding {
            rule: Rule::NText,
            severity: Severity::Warning,
            location: place.location(self, number.start, number.end, vec![format!("{right}%")]),
            message: Message::new(
                format!(
                    "{}写“{quote}”，但按表格{} = {right}%。请核对：可改为{right}%",
                    place.name(),
                    what.zh
                ),
                format!(
                    "{} says “{quote}” but from the tables {} = {right}%, not {shown}. Check it: write {right}%",
                    place.name(),
                    what.en
                ),
            ),
        });
    }
}

/// The name a message gives a rate: its first phrase.
fn rate_name(phrases: &[&str]) -> String {
    phrases.first().copied().unwrap_or_default().to_string()
}

/// `part / whole` as a percentage scaled by 10^decimals: rounded half up, and cut off.
fn percent(part: i64, whole: i64, decimals: u32) -> (i64, i64) {
    let scale = 10_i128.pow(decimals.min(6));
    let top = part as i128 * 100 * scale;
    let whole = whole as i128;
    let cut = top / whole;
    let rounded = (2 * top + whole) / (2 * whole);
    (rounded as i64, cut as i64)
}

/// A number scaled by 10^decimals, printed with that many decimals.
fn format_scaled(value: i64, decimals: u32) -> String {
    if decimals == 0 {
        return value.to_string();
    }
    let scale = 10_i64.pow(decimals);
    format!(
        "{}.{:0width$}",
        value / scale,
        value % scale,
        width = decimals as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_cut_at_the_printed_precision() {
        assert_eq!(percent(106, 114, 2), (9298, 9298));
        assert_eq!(percent(62, 106, 1), (585, 584));
        assert_eq!(percent(62, 106, 0), (58, 58));
        assert_eq!(format_scaled(9298, 2), "92.98");
        assert_eq!(format_scaled(5, 2), "0.05");
        assert_eq!(format_scaled(58, 0), "58");
    }
}
