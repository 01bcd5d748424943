//! Native timings of the work off the keystroke path: exporting a full report and one autosave
//! (read the stored revision, write the entry); and of the rules every keystroke runs, with and
//! without last year's report linked. Prints one JSON line; `bench/run.mjs` reads it.
//! Medians over many runs; no thresholds (see docs/performance.md).

use nianbao::report::draft::Previous;
use nianbao::report::export::page;
use nianbao::report::rules::check;
use nianbao::report::sample::sample;
use nianbao::report::templates::OGI_2021;
use nianbao::storage::entry::{self, Entry};
use std::hint::black_box;
use std::time::Instant;

fn median_ms(mut f: impl FnMut(), runs: usize) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[runs * 95 / 100])
}

fn main() {
    let mut draft = sample(&OGI_2021).expect("sample");
    draft.charts = true;
    let stored = entry::write(&Entry {
        revision: 1,
        saved_at: 0.0,
        draft: draft.clone(),
    });
    let key = entry::key(&draft.id);
    let (export, export_p95) = median_ms(
        || {
            black_box(page(&OGI_2021, black_box(&draft)));
        },
        500,
    );
    let (autosave, autosave_p95) = median_ms(
        || {
            let revision = entry::read(&key, black_box(&stored))
                .map(|e| e.revision)
                .unwrap_or(0);
            black_box(entry::write(&Entry {
                revision: revision + 1,
                saved_at: 1.0,
                draft: draft.clone(),
            }));
        },
        500,
    );
    let (rules, _) = median_ms(
        || {
            black_box(check(black_box(&draft)));
        },
        500,
    );
    let mut linked = draft.clone();
    linked.previous = Some(Previous::of(&draft));
    let (rules_linked, _) = median_ms(
        || {
            black_box(check(black_box(&linked)));
        },
        500,
    );
    // The rules over a text at the size a draft takes, one sentence with no end: the text
    // check reads it in windows, so this grows with the text, not with its square.
    let mut long = draft.clone();
    let sentence: String = "无数字的普通文字说明"
        .chars()
        .cycle()
        .take(nianbao::report::file::MAX_TEXT_CHARS - 20)
        .collect();
    long.set_text(
        nianbao::report::SectionKey::Problems,
        None,
        format!("{sentence}收到申请3件"),
    );
    let (rules_long_text, _) = median_ms(
        || {
            black_box(check(black_box(&long)));
        },
        5,
    );
    println!(
        "{{\"export_ms\":{export:.4},\"export_p95_ms\":{export_p95:.4},\"autosave_ms\":{autosave:.4},\"autosave_p95_ms\":{autosave_p95:.4},\"rules_ms\":{rules:.4},\"rules_linked_ms\":{rules_linked:.4},\"rules_long_text_ms\":{rules_long_text:.2},\"page_bytes\":{}}}",
        page(&OGI_2021, &draft).len()
    );
}
