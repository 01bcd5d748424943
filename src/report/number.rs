//! Reading the numbers clerks really type into a report's table cells.
//!
//! People paste from Word, Excel and WPS and type with Chinese input methods, so a cell may hold
//! full-width digits (１２３), thousands separators (`1,234`, `1，234`, `1 234`), stray spaces or
//! nothing at all. Everything is read with checked arithmetic; no input can overflow.

use super::message::Message;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest magnitude any cell may hold (a whole number of items or of 元/万元).
pub const MAX_MAGNITUDE: i64 = 999_999_999_999;

/// How many decimal places a decimal cell keeps.
pub const DECIMAL_PLACES: u32 = 6;

const SCALE: i64 = 1_000_000;

/// What kind of value an input cell takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A non-negative whole number (件数, 数量).
    Count,
    /// A whole number that may be negative (2019 本年增/减: a decrease is negative).
    SignedCount,
    /// A non-negative decimal in a fixed unit (2021 本年收费金额, 万元).
    Decimal {
        /// The unit printed in the column header.
        unit: &'static str,
    },
    /// A non-negative decimal amount whose unit (元 or 万元) the user picks (2019 采购总金额).
    Amount,
}

impl ValueKind {
    /// Whether values of this kind may be added up into a total.
    pub fn is_whole(self) -> bool {
        matches!(self, ValueKind::Count | ValueKind::SignedCount)
    }
}

/// A unit of money for cells whose unit the user picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// 元 (yuan), the default.
    #[default]
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (ten thousand yuan).
    #[serde(rename = "万元")]
    WanYuan,
}

impl MoneyUnit {
    /// The unit as printed.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }
}

/// A value read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// A whole number.
    Whole(i64),
    /// A decimal, in millionths.
    Micros(i64),
}

impl Number {
    /// The value as a whole number, if it is one.
    pub fn whole(self) -> Option<i64> {
        match self {
            Number::Whole(n) => Some(n),
            Number::Micros(_) => None,
        }
    }
}

impl fmt::Display for Number {
    /// Plain digits as the official tables print them: no separators, no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Whole(n) => write!(f, "{n}"),
            Number::Micros(m) => {
                let sign = if m < 0 { "-" } else { "" };
                let abs = m.unsigned_abs();
                let int = abs / SCALE as u64;
                let frac = abs % SCALE as u64;
                if frac == 0 {
                    write!(f, "{sign}{int}")
                } else {
                    let digits = format!("{frac:06}");
                    write!(f, "{sign}{int}.{}", digits.trim_end_matches('0'))
                }
            }
        }
    }
}

/// Why a cell's text is not a value of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// A minus sign where only zero or more is allowed.
    Negative,
    /// A fraction where only whole numbers are allowed.
    NotWhole,
    /// More decimal places than [`DECIMAL_PLACES`].
    TooManyDecimals,
    /// A magnitude above [`MAX_MAGNITUDE`].
    TooLarge,
    /// Not a number at all.
    Invalid,
}

impl NumberError {
    /// What went wrong, for the person who typed it.
    pub fn message(self) -> Message {
        match self {
            NumberError::Negative => Message::new("不能为负数", "cannot be negative"),
            NumberError::NotWhole => Message::new("只能填写整数", "must be a whole number"),
            NumberError::TooManyDecimals => Message::new(
                format!("小数最多保留{DECIMAL_PLACES}位"),
                format!("at most {DECIMAL_PLACES} decimal places"),
            ),
            NumberError::TooLarge => Message::new(
                format!("数值过大（最大{MAX_MAGNITUDE}）"),
                format!("too large (at most {MAX_MAGNITUDE})"),
            ),
            NumberError::Invalid => Message::new(
                "不是有效的数字，请只填写数字",
                "is not a number; type digits only",
            ),
        }
    }
}

/// Reads a cell's text as a value of `kind`; `Ok(None)` is a blank cell (not filled in).
pub fn parse(input: &str, kind: ValueKind) -> Result<Option<Number>, NumberError> {
    let Some(raw) = RawNumber::read(input)? else {
        return Ok(None);
    };
    if raw.negative && raw.is_nonzero() && kind != ValueKind::SignedCount {
        return Err(NumberError::Negative);
    }
    let int = raw.int_value()?;
    let frac_digits = raw.frac.trim_end_matches('0');
    if kind.is_whole() {
        if !frac_digits.is_empty() {
            return Err(NumberError::NotWhole);
        }
        let value = if raw.negative { -int } else { int };
        return Ok(Some(Number::Whole(value)));
    }
    if frac_digits.len() > DECIMAL_PLACES as usize {
        return Err(NumberError::TooManyDecimals);
    }
    let mut frac: i64 = 0;
    for (i, d) in frac_digits.bytes().enumerate() {
        frac += i64::from(d - b'0') * 10_i64.pow(DECIMAL_PLACES - 1 - i as u32);
    }
    let micros = int
        .checked_mul(SCALE)
        .and_then(|m| m.checked_add(frac))
        .ok_or(NumberError::TooLarge)?;
    Ok(Some(Number::Micros(if raw.negative {
        -micros
    } else {
        micros
    })))
}

/// The parts of a number once widths, separators and signs are sorted out.
struct RawNumber {
    negative: bool,
    int: String,
    frac: String,
}

impl RawNumber {
    fn read(input: &str) -> Result<Option<RawNumber>, NumberError> {
        let text: String = input.chars().map(narrow).collect();
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let (negative, rest) = match text.chars().next() {
            Some('-') => (true, text[1..].trim_start()),
            Some('+') => (false, text[1..].trim_start()),
            _ => (false, text),
        };
        let (int_part, frac) = match rest.split_once('.') {
            Some((i, f)) => (i, f),
            None => (rest, ""),
        };
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberError::Invalid);
        }
        let int = read_grouped(int_part)?;
        if int.is_empty() && frac.is_empty() {
            return Err(NumberError::Invalid);
        }
        Ok(Some(RawNumber {
            negative,
            int,
            frac: frac.to_string(),
        }))
    }

    fn is_nonzero(&self) -> bool {
        self.int.bytes().chain(self.frac.bytes()).any(|b| b != b'0')
    }

    fn int_value(&self) -> Result<i64, NumberError> {
        let mut value: i64 = 0;
        for d in self.int.bytes() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(d - b'0')))
                .ok_or(NumberError::TooLarge)?;
        }
        if value > MAX_MAGNITUDE {
            return Err(NumberError::TooLarge);
        }
        Ok(value)
    }
}

/// Maps full-width forms and typographic signs to their ASCII counterparts.
fn narrow(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '－' | '−' | '–' => '-',
        '＋' => '+',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Reads an integer part with optional thousands separators (`,` or spaces). Groups after the
/// first must have three digits, so that `1,23` or `12 34` is refused rather than silently misread.
fn read_grouped(part: &str) -> Result<String, NumberError> {
    if part.contains(',') && part.split(',').any(|g| g.trim().is_empty()) {
        return Err(NumberError::Invalid);
    }
    let groups: Vec<&str> = part.split([',', ' ']).filter(|g| !g.is_empty()).collect();
    if groups
        .iter()
        .any(|g| !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NumberError::Invalid);
    }
    if let [first, rest @ ..] = groups.as_slice() {
        if !rest.is_empty() && (first.len() > 3 || rest.iter().any(|g| g.len() != 3)) {
            return Err(NumberError::Invalid);
        }
    }
    Ok(groups.concat())
}
