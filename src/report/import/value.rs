//! Reading the value of a cell as published pages print it: blank, 0, `/`, `-` and `无` for
//! none; units and words around the number (`251000元`, `12件`, `减4`).

use super::label::simplified;
use crate::report::message::Message;
use crate::report::number::{self, MoneyUnit, Number, ValueKind};

/// What a published cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// Nothing at all.
    Blank,
    /// A mark that means none (`0`, `/`, `-`, `无`).
    Zero,
    /// A number, as the draft stores it, with what was done to read it and the unit written
    /// beside it when the cell's unit is the user's choice.
    Value {
        /// The value as plain digits.
        text: String,
        /// How the printed text was turned into the value, when it was not plain digits.
        note: Option<Message>,
        /// The unit printed with an amount whose unit the user picks.
        unit: Option<MoneyUnit>,
    },
    /// Text that is not a value of the cell's kind.
    Unreadable(Message),
}

const ZERO_MARKS: &[&str] = &[
    "0", "/", "／", "-", "－", "—", "——", "–", "--", "无", "\\", "暂无", "空",
];
/// The units a count is printed or typed with (`12件`).
pub const COUNT_UNITS: &[&str] = &["人次", "件", "个", "条", "项", "次", "宗", "起", "份"];
const SIGN_WORDS: &[(&str, bool)] = &[
    ("减少", true),
    ("下降", true),
    ("减", true),
    ("增加", false),
    ("新增", false),
    ("增", false),
];

/// The parts of a printed value: sign word, digits, unit.
struct Parts {
    negative: bool,
    digits: String,
    unit: Unit,
    worded: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    None,
    Yuan,
    WanYuan,
    Count,
}

fn parts(raw: &str) -> Option<Parts> {
    let text = simplified(raw);
    let mut rest = text.trim();
    let mut negative = false;
    let mut worded = false;
    for (word, neg) in SIGN_WORDS {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r.trim_start();
            negative = *neg;
            worded = true;
            break;
        }
    }
    let mut unit = Unit::None;
    if let Some(r) = rest.strip_suffix("万元") {
        (rest, unit) = (r, Unit::WanYuan);
    } else if let Some(r) = rest.strip_suffix('元') {
        (rest, unit) = (r, Unit::Yuan);
    } else if let Some(r) = COUNT_UNITS.iter().find_map(|u| rest.strip_suffix(u)) {
        (rest, unit) = (r, Unit::Count);
    }
    let rest = rest.trim();
    let numeric = !rest.is_empty()
        && rest
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && rest.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(
                    c,
                    '.' | '．' | ',' | '，' | '+' | '-' | '－' | ' ' | '\u{a0}'
                )
        });
    numeric.then(|| Parts {
        negative,
        digits: rest.to_string(),
        unit,
        worded: worded || unit != Unit::None,
    })
}

/// Whether a cell holds a value (or a mark for none) rather than a label.
pub fn is_value(raw: &str) -> bool {
    let t = simplified(raw);
    let t = t.trim();
    t.is_empty() || ZERO_MARKS.contains(&t) || parts(t).is_some() || in_words(t)
}

/// Whether a cell is a number written in characters (七十一): a value, though not one read.
fn in_words(t: &str) -> bool {
    let n = t.chars().count();
    (2..=8).contains(&n)
        && t.chars()
            .all(|c| "零〇一二两三四五六七八九十百千万".contains(c))
}

/// Whether a cell is blank or a mark for none.
pub fn is_blank_or_zero(raw: &str) -> bool {
    matches!(read(raw, ValueKind::Count), Read::Blank | Read::Zero)
}

/// Reads a printed cell as a value of `kind`.
pub fn read(raw: &str, kind: ValueKind) -> Read {
    let t = simplified(raw);
    let t = t.trim();
    if t.is_empty() {
        return Read::Blank;
    }
    if ZERO_MARKS.contains(&t) {
        return Read::Zero;
    }
    let Some(p) = parts(t) else {
        if in_words(t) {
            return Read::Unreadable(Message::new(
                "是用汉字书写的数字",
                "is a number in characters",
            ));
        }
        return Read::Unreadable(Message::new("不是数字", "not a number"));
    };
    let parse_kind = if p.negative {
        ValueKind::SignedCount
    } else {
        kind
    };
    let value = match number::parse(&p.digits, parse_kind) {
        Ok(Some(n)) => n,
        Ok(None) => return Read::Blank,
        Err(e) => return Read::Unreadable(e.message()),
    };
    let value = match (p.negative, value) {
        (true, Number::Whole(n)) => Number::Whole(-n.abs()),
        (_, v) => v,
    };
    let mut note = p.worded.then(|| {
        Message::new(
            format!("“{}”读作{value}", raw.trim()),
            format!("“{}” read as {value}", raw.trim()),
        )
    });
    let mut unit = None;
    let value = match (kind, p.unit) {
        (ValueKind::Decimal { unit: "万元" }, Unit::Yuan) => {
            let Some(micros) = to_micros(value) else {
                return Read::Unreadable(Message::new("数值过大", "too large"));
            };
            if micros % 10_000 != 0 {
                return Read::Unreadable(Message::new(
                    "换算成万元后小数位过多",
                    "too many decimal places in 万元",
                ));
            }
            let converted = Number::Micros(micros / 10_000);
            note = Some(Message::new(
                format!("“{}”换算为{converted}万元", raw.trim()),
                format!("“{}” converted to {converted} 万元", raw.trim()),
            ));
            converted
        }
        (ValueKind::Amount, Unit::Yuan) => {
            unit = Some(MoneyUnit::Yuan);
            value
        }
        (ValueKind::Amount, Unit::WanYuan) => {
            unit = Some(MoneyUnit::WanYuan);
            value
        }
        _ => value,
    };
    let text = value.to_string();
    match number::parse(&text, kind) {
        Ok(Some(_)) => Read::Value { text, note, unit },
        Ok(None) => Read::Blank,
        Err(e) => Read::Unreadable(e.message()),
    }
}

fn to_micros(n: Number) -> Option<i64> {
    match n {
        Number::Whole(w) => w.checked_mul(1_000_000),
        Number::Micros(m) => Some(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(r: Read) -> String {
        match r {
            Read::Value { text, .. } => text,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn marks_units_and_words() {
        for mark in ["", " ", "\u{a0}"] {
            assert_eq!(read(mark, ValueKind::Count), Read::Blank);
        }
        for mark in ["0", "/", "-", "—", "无", "無"] {
            assert_eq!(read(mark, ValueKind::Count), Read::Zero, "{mark}");
        }
        assert_eq!(text(read("12件", ValueKind::Count)), "12");
        assert_eq!(text(read("１２", ValueKind::Count)), "12");
        assert_eq!(text(read("1,234", ValueKind::Count)), "1234");
        assert_eq!(text(read("减4", ValueKind::SignedCount)), "-4");
        assert_eq!(text(read("減 4", ValueKind::SignedCount)), "-4");
        assert_eq!(text(read("增2", ValueKind::SignedCount)), "2");
        let fee = ValueKind::Decimal { unit: "万元" };
        assert_eq!(text(read("251000元", fee)), "25.1");
        assert_eq!(text(read("9.63211", fee)), "9.63211");
        assert_eq!(text(read("9.63211万元", fee)), "9.63211");
        assert!(matches!(
            read("35.5萬元", ValueKind::Amount),
            Read::Value {
                unit: Some(MoneyUnit::WanYuan),
                ..
            }
        ));
        assert!(matches!(read("减4", ValueKind::Count), Read::Unreadable(_)));
        assert!(matches!(
            read("约十件", ValueKind::Count),
            Read::Unreadable(_)
        ));
        assert!(is_value("12件") && is_value("/") && !is_value("规章"));
    }
}
