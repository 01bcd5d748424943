//! Dates and times as the catalogue header writes them (公开日期 `YYYY-MM-DD`, 公开时间 `HH:MM`).

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    s.bytes()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=days).contains(&d)
}

/// A date as clerks type it — `2027-1-20`, `2027/1/20`, `2027.1.20`, `2027年1月20日`, full-width
/// digits — written `YYYY-MM-DD`, when it is a real date.
pub fn read_date(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let t = t.strip_suffix('日').unwrap_or(&t);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月', '．', '－']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let ok = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(ok(y, 4..=4) && ok(m, 1..=2) && ok(d, 1..=2)) {
        return None;
    }
    let date = format!("{y}-{m:0>2}-{d:0>2}");
    is_date(&date).then_some(date)
}

/// Whether `s` is a time of day written `HH:MM`.
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
        && s[0..2].parse::<u32>().is_ok_and(|h| h < 24)
        && s[3..5].parse::<u32>().is_ok_and(|m| m < 60)
}

/// The day `s` (`YYYY-MM-DD`) is, counted from 1970-01-01, for the days between two dates.
pub fn day_number(s: &str) -> Option<i64> {
    if !is_date(s) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<i64>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    // Days from civil (Howard Hinnant's algorithm): March-based years put leap days last.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2026-02-01")
                .zip(day_number("2026-01-31"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2025-13-01"), None);
    }
}

/// The year a new report is on when started in month `month` (1–12) of `year`: clerks start
/// a report in its year's last quarter, so October to December offer the current year and
/// January to September the one before.
pub fn report_year_on(year: i32, month: u32) -> i32 {
    if month >= 10 {
        year
    } else {
        year.saturating_sub(1)
    }
}

#[cfg(test)]
mod season {
    use super::report_year_on;

    #[test]
    fn dates_as_clerks_type_them() {
        use super::read_date;
        for typed in [
            "2027/1/20",
            "2027年1月20日",
            "2027.1.20",
            "2027-1-20",
            "２０２７年１月２０日",
        ] {
            assert_eq!(read_date(typed).as_deref(), Some("2027-01-20"), "{typed}");
        }
        assert_eq!(read_date("2027/2/30"), None);
        assert_eq!(read_date("27/1/20"), None);
        assert_eq!(read_date("1月20日"), None);
    }

    #[test]
    fn the_last_quarter_offers_its_own_year() {
        assert_eq!(report_year_on(2026, 12), 2026);
        assert_eq!(report_year_on(2026, 10), 2026);
        assert_eq!(report_year_on(2026, 9), 2025);
        assert_eq!(report_year_on(2027, 1), 2026);
    }
}
