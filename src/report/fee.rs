//! The information-processing fee (信息处理费) as reports state it in 六, in their own words:
//! "本年度没有产生信息公开处理费", "未发生收费情况", "共计收取380元", or a small table
//! (通知收取件数 / 通知收取金额 / 实际收取金额). The importer reads the amount from it and the
//! `S-required` rule accepts a text that states it.

use super::hant::simplify;
use super::number::{self, Number, ValueKind};

/// Words that name the fee itself (not 行政事业性收费, which is 二's table).
const FEE_WORDS: &[&str] = &["信息处理费", "处理费", "信息公开费", "收费事项", "收费情况"];

/// Words that say no fee was collected, read before any amount in the sentence: "未收取信息处理费，
/// 为群众节省费用约500元" collected nothing.
const NONE_WORDS: &[&str] = &[
    "无收取",
    "未有收取",
    "未收取",
    "没有收取",
    "未收",
    "未产生",
    "没有产生",
    "未发生",
    "没有发生",
    "无收费",
    "不收取",
    "不存在",
    "未涉及",
    "不涉及",
    "均为0",
    "均为零",
    "为零",
    "无信息处理费",
    "免收",
    "免除",
    "减免",
];

/// The fee a text states, in 元 as plain digits: `"0"` when it says none was collected, the
/// amount when it names one, `None` when it says nothing about the fee.
pub fn stated(text: &str) -> Option<String> {
    let simple: String = text.chars().map(simplify).collect();
    if let Some(amount) = table_amount(&simple) {
        return Some(amount);
    }
    // A sub-heading that names the fee (（一）收取信息处理费情况) lets the sentence under it say
    // "费用" for it: "未收取任何费用".
    let mut under_fee_heading = false;
    for sentence in simple.split(['。', '；', ';', '\n', '！']) {
        let sentence = strip_rules_titles(sentence);
        if sentence.trim().is_empty() {
            continue;
        }
        let after_heading = std::mem::take(&mut under_fee_heading);
        let named = FEE_WORDS.iter().filter_map(|w| sentence.find(w)).min();
        let heading = named.is_some()
            && sentence.trim().ends_with("情况")
            && sentence.trim().chars().count() <= 24
            && !sentence.chars().any(|c| c.is_ascii_digit())
            && !NONE_WORDS.iter().any(|w| sentence.contains(w));
        let at = match named {
            Some(_) if heading => {
                under_fee_heading = true;
                continue;
            }
            Some(at) => at,
            None if after_heading => match sentence.find('费') {
                Some(at) => at,
                None => continue,
            },
            None => continue,
        };
        if NONE_WORDS.iter().any(|w| sentence.contains(w)) {
            return Some("0".into());
        }
        // The amount the fee word is followed by (共计收取信息处理费380元, 处理费共计380元).
        if let Some(yuan) = amount_in(&sentence[at..]) {
            return Some(yuan);
        }
    }
    None
}

/// A sentence without the titles of rules it cites (《政府信息公开信息处理费管理办法》), which
/// name the fee without stating one.
fn strip_rules_titles(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    for c in sentence.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            // A document number cited after a title: 〔2020〕109号.
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The first amount in 元 or 万元 a sentence names, in 元.
fn amount_in(sentence: &str) -> Option<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')) {
            i += 1;
        }
        let digits: String = chars[start..i].iter().filter(|c| **c != ',').collect();
        let unit: String = chars[i..].iter().take(2).collect();
        let factor = if unit.starts_with("万元") {
            10_000
        } else if unit.starts_with('元') {
            1
        } else {
            continue;
        };
        if let Ok(Some(Number::Micros(m))) = number::parse(&digits, ValueKind::Amount) {
            if let Some(yuan) = m.checked_mul(factor) {
                return Some(Number::Micros(yuan).to_string());
            }
        }
    }
    None
}

/// The amount of a fee table: the number under 实际收取金额 (the third of the row under the
/// three headings when the table prints them all).
fn table_amount(text: &str) -> Option<String> {
    let at = text.find("实际收取金额")?;
    let headings = ["通知收取件数", "通知收取金额"]
        .iter()
        .filter(|h| text[..at].contains(**h))
        .count();
    let after = &text[at + "实际收取金额".len()..];
    // Skip a unit printed with the heading: （元）, (万元).
    let wan = after.chars().take(6).collect::<String>().contains("万元");
    let numbers: Vec<String> = after
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty() && s.chars().any(|c| c.is_ascii_digit()))
        .take(3)
        .map(str::to_string)
        .collect();
    let pick = if headings == 2 && numbers.len() == 3 {
        &numbers[2]
    } else {
        numbers.first()?
    };
    match number::parse(pick, ValueKind::Amount) {
        Ok(Some(Number::Micros(m))) => {
            let yuan = if wan { m.checked_mul(10_000)? } else { m };
            Some(Number::Micros(yuan).to_string())
        }
        Ok(Some(Number::Whole(w))) => Some(w.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::stated;

    #[test]
    fn the_fee_in_the_words_reports_use() {
        for none in [
            "本年度没有产生信息公开处理费。",
            "未发生收费情况。",
            "本机关未收取信息公开处理费。",
            "市科委未发生政府信息公开收费事项。",
            "2023年，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）未收取信息处理费。",
            "收取信息处理费0元。",
        ] {
            assert_eq!(stated(none).as_deref(), Some("0"), "{none}");
        }
        assert_eq!(
            stated("本年度共收取信息处理费，共计380元。").as_deref(),
            Some("380")
        );
        assert_eq!(stated("收取信息处理费共计380元。").as_deref(), Some("380"));
        assert_eq!(
            stated("依申请公开收取信息处理费1.2万元。").as_deref(),
            Some("12000")
        );
        assert_eq!(
            stated("通知收取件数 通知收取金额（元） 实际收取金额（元）\n2 500 300").as_deref(),
            Some("300")
        );
        assert_eq!(
            stated("依据《政府信息公开信息处理费管理办法》开展工作。"),
            None
        );
        assert_eq!(stated("无。"), None);
        // Nothing collected, whatever else the sentence counts.
        assert_eq!(
            stated("未收取信息处理费，为群众节省费用约500元。").as_deref(),
            Some("0")
        );
        assert_eq!(stated("本年度免收信息处理费200元。").as_deref(), Some("0"));
        // Under a sub-heading that names the fee, "费用" is the fee (莆田市城市管理局 2023).
        assert_eq!(
            stated("（一）收取信息处理费情况\n2023年，我局共收到20份依申请公开，未收取任何费用。\n（二）其他").as_deref(),
            Some("0")
        );
        // Only the sentence right under it: a later 费用 is about something else.
        assert_eq!(
            stated("（一）收取信息处理费情况\n无。\n节省费用200元。"),
            None
        );
        assert_eq!(
            stated("（一）收取信息处理费情况\n依照信息处理费管理办法执行\n节省费用200元。"),
            None
        );
        // 二's 行政事业性收费 is not the fee of 六.
        assert_eq!(stated("行政事业性收费3.5万元。"), None);
        assert_eq!(stated("本年度办理人大代表建议12件。"), None);
    }
}
