//! Which drafts were opened last, and where: what the start screen's 继续编写 leads with. Kept
//! as a few short lines under one key (no draft is parsed to show them, so the first screen
//! stays small), newest first, bounded.

/// Storage key of the record.
pub const KEY: &str = "nianbao.opened";
/// How many drafts the record keeps.
pub const KEPT: usize = 20;

/// One draft as it was last opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The draft's id.
    pub id: String,
    /// When (ms since the epoch; whole, so that no float is read or written on the first screen).
    pub at: u64,
    /// The step's slug (`tasks` for the task list), as the address has it.
    pub step: String,
    /// The step's title as shown then.
    pub step_title: String,
    /// The draft's title then.
    pub title: String,
}

/// A field of a line: no tab or line break can split the record.
fn field(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .take(300)
        .collect()
}

/// Reads the record; a line that is not one is skipped (the record only ever saves a click).
pub fn read(raw: &str) -> Vec<Opened> {
    raw.lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            let at = f.next()?.parse::<u64>().ok()?;
            let id = f.next()?.to_string();
            let step = f.next()?.to_string();
            let step_title = f.next()?.to_string();
            let title = f.next()?.to_string();
            (!id.is_empty()).then_some(Opened {
                id,
                at,
                step,
                step_title,
                title,
            })
        })
        .take(KEPT)
        .collect()
}

/// Writes the record.
pub fn write(list: &[Opened]) -> String {
    list.iter()
        .take(KEPT)
        .map(|o| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                o.at,
                field(&o.id),
                field(&o.step),
                field(&o.step_title),
                field(&o.title)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The record with `now` first and any earlier line of the same draft gone.
pub fn note(mut list: Vec<Opened>, now: Opened) -> Vec<Opened> {
    list.retain(|o| o.id != now.id);
    list.insert(0, now);
    list.truncate(KEPT);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(id: &str, at: u64) -> Opened {
        Opened {
            id: id.into(),
            at,
            step: "requests".into(),
            step_title: "三、收到和处理政府信息公开申请情况".into(),
            title: "某局\t2026年\n报告".into(),
        }
    }

    #[test]
    fn the_last_opened_comes_first_once_and_the_record_reads_back() {
        let list = note(
            note(note(vec![], opened("a", 1)), opened("b", 2)),
            opened("a", 3),
        );
        assert_eq!(
            list.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let back = read(&write(&list));
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].title, "某局 2026年 报告");
        assert_eq!(back[0].at, 3);
        assert!(read("garbage\n\t\t\n").is_empty());
        let many = (0..50).fold(vec![], |l, i| note(l, opened(&i.to_string(), i)));
        assert_eq!(many.len(), KEPT);
    }
}
