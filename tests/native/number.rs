//! Number input as clerks really type it.

use nianbao::report::number::{parse, MoneyUnit, Number, NumberError, ValueKind, MAX_MAGNITUDE};

const COUNT: ValueKind = ValueKind::Count;
const SIGNED: ValueKind = ValueKind::SignedCount;
const WAN: ValueKind = ValueKind::Decimal { unit: "万元" };

fn whole(n: i64) -> Result<Option<Number>, NumberError> {
    Ok(Some(Number::Whole(n)))
}

#[test]
fn plain_and_full_width_digits() {
    assert_eq!(parse("123", COUNT), whole(123));
    assert_eq!(parse("１２３", COUNT), whole(123));
    assert_eq!(parse("１2３", COUNT), whole(123));
    assert_eq!(parse("0", COUNT), whole(0));
    assert_eq!(parse("007", COUNT), whole(7));
    assert_eq!(parse("＋５", COUNT), whole(5));
}

#[test]
fn separators_and_spaces() {
    assert_eq!(parse("1,234", COUNT), whole(1234));
    assert_eq!(parse("1，234", COUNT), whole(1234));
    assert_eq!(parse("１，２３４，５６７", COUNT), whole(1_234_567));
    assert_eq!(parse("1 234", COUNT), whole(1234));
    assert_eq!(parse("  42  ", COUNT), whole(42));
    assert_eq!(
        parse("\u{3000}42\u{3000}", COUNT),
        whole(42),
        "ideographic spaces"
    );
    assert_eq!(parse("\t42\n", COUNT), whole(42));
    // Misplaced separators are refused rather than silently misread.
    assert_eq!(parse("1,23", COUNT), Err(NumberError::Invalid));
    assert_eq!(parse("12 34", COUNT), Err(NumberError::Invalid));
    assert_eq!(parse("1,,234", COUNT), Err(NumberError::Invalid));
    assert_eq!(parse(",123", COUNT), Err(NumberError::Invalid));
    assert_eq!(parse("1234,", COUNT), Err(NumberError::Invalid));
}

#[test]
fn blank_is_not_filled() {
    assert_eq!(parse("", COUNT), Ok(None));
    assert_eq!(parse("   ", COUNT), Ok(None));
    assert_eq!(parse("\u{3000}", WAN), Ok(None));
}

#[test]
fn negatives_only_where_allowed() {
    assert_eq!(parse("-3", COUNT), Err(NumberError::Negative));
    assert_eq!(parse("－３", COUNT), Err(NumberError::Negative));
    assert_eq!(parse("-1.5", WAN), Err(NumberError::Negative));
    assert_eq!(parse("-3", SIGNED), whole(-3));
    assert_eq!(parse("－３", SIGNED), whole(-3));
    assert_eq!(parse("−3", SIGNED), whole(-3), "U+2212 minus sign");
    assert_eq!(parse("+3", SIGNED), whole(3));
    assert_eq!(
        parse("-0", COUNT),
        whole(0),
        "minus zero is zero, not an error"
    );
}

#[test]
fn decimals_only_where_allowed() {
    assert_eq!(parse("1.5", COUNT), Err(NumberError::NotWhole));
    assert_eq!(parse("1.5", SIGNED), Err(NumberError::NotWhole));
    assert_eq!(
        parse("2.0", COUNT),
        whole(2),
        "a zero fraction is still whole"
    );
    assert_eq!(parse("9.63211", WAN), Ok(Some(Number::Micros(9_632_110))));
    assert_eq!(parse("９．６３", WAN), Ok(Some(Number::Micros(9_630_000))));
    assert_eq!(parse(".5", WAN), Ok(Some(Number::Micros(500_000))));
    assert_eq!(
        parse("1,234.5", ValueKind::Amount),
        Ok(Some(Number::Micros(1_234_500_000)))
    );
    assert_eq!(parse("0.1234567", WAN), Err(NumberError::TooManyDecimals));
    assert_eq!(
        parse("0.1234560", WAN),
        Ok(Some(Number::Micros(123_456))),
        "trailing zeros are not places"
    );
}

#[test]
fn too_large_never_overflows() {
    assert_eq!(
        parse(&MAX_MAGNITUDE.to_string(), COUNT),
        whole(MAX_MAGNITUDE)
    );
    assert_eq!(
        parse(&(MAX_MAGNITUDE + 1).to_string(), COUNT),
        Err(NumberError::TooLarge)
    );
    assert_eq!(
        parse("99999999999999999999999999999999", COUNT),
        Err(NumberError::TooLarge)
    );
    assert_eq!(
        parse("-99999999999999999999999999999999", SIGNED),
        Err(NumberError::TooLarge)
    );
    assert_eq!(
        parse("99999999999999999999.5", WAN),
        Err(NumberError::TooLarge)
    );
    assert_eq!(
        parse(&"9".repeat(10_000), COUNT),
        Err(NumberError::TooLarge)
    );
    assert_eq!(
        parse("999999999999.999999", WAN),
        Ok(Some(Number::Micros(999_999_999_999_999_999)))
    );
}

#[test]
fn anything_else_is_invalid() {
    for input in [
        "abc", "12a", "5件", "1.2.3", "-", ".", "+", "1e5", "0x10", "--1", "一百", "NaN", "1/2",
        "¥5",
    ] {
        assert_eq!(parse(input, COUNT), Err(NumberError::Invalid), "{input:?}");
    }
}

#[test]
fn messages_in_both_languages() {
    for e in [
        NumberError::Negative,
        NumberError::NotWhole,
        NumberError::TooManyDecimals,
        NumberError::TooLarge,
        NumberError::Invalid,
    ] {
        let m = e.message();
        assert!(!m.zh.is_empty() && !m.en.is_empty());
        assert_ne!(m.zh, m.en);
    }
    assert_eq!(NumberError::Negative.message().zh, "不能为负数");
    assert!(NumberError::TooLarge.message().en.contains("999999999999"));
}

#[test]
fn numbers_print_plainly() {
    assert_eq!(Number::Whole(1234).to_string(), "1234");
    assert_eq!(Number::Whole(-4).to_string(), "-4");
    assert_eq!(Number::Micros(9_632_110).to_string(), "9.63211");
    assert_eq!(Number::Micros(2_000_000).to_string(), "2");
    assert_eq!(Number::Micros(-500_000).to_string(), "-0.5");
    assert_eq!(MoneyUnit::Yuan.label(), "元");
    assert_eq!(MoneyUnit::WanYuan.label(), "万元");
}
