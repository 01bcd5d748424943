//! Components in a real headless Chromium (wasm-bindgen-test): `cargo test --target
//! wasm32-unknown-unknown --test web`. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nianbao::report::templates::OGI_2021;
use nianbao::report::{Draft, Lang};
use nianbao::ui::editing::{cell_dom_id, Announcer, Editing};
use nianbao::ui::table_editor::BlockEditor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts table 三's editor on a fresh draft and returns the host element and the draft.
/// The cell a draft file names `table/row/column`.
fn cell(text: &str) -> nianbao::report::template::CellKey {
    nianbao::report::templates::cell_key(text).expect("a cell of a known format")
}

fn mount_table_3() -> (web_sys::HtmlElement, Editing) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(RwSignal::new(Lang::Zh));
        provide_context(Announcer(RwSignal::new(String::new())));
        let editing = Editing::new(&OGI_2021, Draft::new("t", &OGI_2021, 2025, "测试局"));
        provide_context(editing);
        tx.send(editing).unwrap();
        let table = OGI_2021.table("t3").unwrap();
        view! { <BlockEditor table=table block=&table.blocks[0] /> }
    })
    .forget();
    (host, rx.recv().unwrap())
}

fn input(host: &web_sys::HtmlElement, key: &str) -> web_sys::HtmlInputElement {
    host.query_selector(&format!("#{}", cell_dom_id(cell(key))))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// Types `text` into a cell as a person would: the value changes and an input event fires.
fn type_into(host: &web_sys::HtmlElement, key: &str, text: &str) {
    let el = input(host, key);
    el.set_value(text);
    el.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
}

/// Waits for the browser to run pending tasks (reactive effects, then a macrotask).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn shown(host: &web_sys::HtmlElement, key: &str) -> String {
    host.query_selector(&format!("#{}", cell_dom_id(cell(key))))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn marked(host: &web_sys::HtmlElement, key: &str) -> bool {
    let el = host
        .query_selector(&format!("#{}", cell_dom_id(cell(key))))
        .unwrap()
        .unwrap();
    el.parent_element()
        .unwrap()
        .class_list()
        .contains("nb-cell-error")
}

#[wasm_bindgen_test]
async fn totals_follow_typing_including_full_width_digits() {
    let (host, _) = mount_table_3();
    assert_eq!(host.query_selector_all("input").unwrap().length(), 144);
    type_into(&host, "t3/new/natural", "１２");
    type_into(&host, "t3/new/business", "3");
    leptos::task::tick().await;
    assert_eq!(shown(&host, "t3/new/total"), "15");
    type_into(&host, "t3/disclosed/natural", "7");
    type_into(&host, "t3/withheld-secret/natural", "1");
    leptos::task::tick().await;
    assert_eq!(shown(&host, "t3/total/natural"), "8");
    assert_eq!(shown(&host, "t3/total/total"), "8");
    let name = input(&host, "t3/withheld-secret/natural").get_attribute("aria-label");
    assert_eq!(
        name.as_deref(),
        Some("（三）不予公开 1.属于国家秘密 自然人")
    );
}

#[wasm_bindgen_test]
async fn a_broken_balance_marks_the_right_cells() {
    let (host, editing) = mount_table_3();
    type_into(&host, "t3/new/natural", "5");
    leptos::task::tick().await;
    for key in [
        "t3/new/natural",
        "t3/carried/natural",
        "t3/total/natural",
        "t3/carried-over/natural",
    ] {
        assert!(marked(&host, key), "{key} is marked");
    }
    for key in ["t3/new/business", "t3/disclosed/natural", "t3/new/total"] {
        assert!(!marked(&host, key), "{key} is not marked");
    }
    let el = input(&host, "t3/new/natural");
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = el.get_attribute("aria-describedby").unwrap();
    let why = host
        .query_selector(&format!("#{described}"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(why.contains("“自然人”列") && why.contains("相差5"), "{why}");
    // Fixing it clears every mark.
    type_into(&host, "t3/carried-over/natural", "5");
    leptos::task::tick().await;
    assert!(!marked(&host, "t3/new/natural") && !marked(&host, "t3/carried-over/natural"));
    assert!(editing
        .findings
        .get_untracked()
        .iter()
        .all(|f| f.rule.id() != "T3-balance"));
}

#[wasm_bindgen_test]
async fn a_pasted_row_fills_consecutive_cells() {
    let (host, editing) = mount_table_3();
    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data("text/plain", "4\t０\t1\t0\t2\t1\t8\r\n")
        .unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    input(&host, "t3/new/natural")
        .dispatch_event(&event)
        .unwrap();
    assert!(
        event.default_prevented(),
        "the editor handles a multi-value paste itself"
    );
    settle().await;
    // What the paste typed, cell by cell. (Inputs show values through a microtask queue that
    // every app mounted on this shared test page uses; the e2e paste test checks what shows.)
    let typed: Vec<String> = [
        "natural",
        "business",
        "research",
        "nonprofit",
        "legal-service",
        "other-org",
    ]
    .iter()
    .map(|c| {
        editing
            .draft
            .with_untracked(|d| d.cell(cell(&format!("t3/new/{c}"))).to_string())
    })
    .collect();
    assert_eq!(typed, ["4", "０", "1", "0", "2", "1"]);
    // The copied total fell on the computed column and was not typed anywhere.
    assert_eq!(shown(&host, "t3/new/total"), "8");
    assert_eq!(editing.draft.with_untracked(|d| d.cells.len()), 6);
}

/// A change made elsewhere (空白填0, another tab) shows in the totals at once.
#[wasm_bindgen_test]
async fn a_draft_change_reaches_the_totals() {
    let (host, editing) = mount_table_3();
    editing
        .draft
        .update(|d| d.set_cell(cell("t3/disclosed/natural"), "9"));
    settle().await;
    assert_eq!(shown(&host, "t3/disclosed/total"), "9");
    assert_eq!(shown(&host, "t3/total/natural"), "9");
    assert_eq!(shown(&host, "t3/total/total"), "9");
}

/// The default Trusted Types policy's allowlist: a literal compiled into the module passes;
/// markup built at run time does not, whatever it holds — the held-out kinds of
/// `tests/fixtures/xss-held-out.txt` included. They are stored reversed here and turned round at
/// run time, because a vector written as a literal would itself be compiled in.
#[wasm_bindgen_test]
fn the_default_policy_passes_what_is_compiled_in_and_nothing_built_at_run_time() {
    use nianbao::ui::{allowed, compiled_in};
    assert!(allowed("<p class=\"nb-hint\">本行是编译进来的字面量</p>"));
    let now = js_sys::Date::now() as u64;
    let built = format!("<p class=\"nb-hint\">运行时 {now}</p>");
    assert!(
        !compiled_in(&built),
        "markup built at run time is refused: {built}"
    );
    let reversed = [
        ">)1(trela=rorreno x=crs gmi<>--\"=crs gmi<--!<",
        ">\">)1(trela=rorreno x=crs gmi<>pmx/<\"=eltit p<>pmx<",
        ">\">)1(trela=rorreno x=crs gmi<>tpircson/<\"=eltit p<>tpircson<",
        ">]]> )1(trela=rorreno x=crs gmi<> [ATADC[!<",
        ">? >)1(trela=rorreno x=crs gmi<> x?<",
        "> >)1(trela=rorreno x=crs gmi<> x/<",
        ">gvs/<>elyts/<>)1(trela=rorreno x=crs gmi<>elyts<>gvs<",
    ];
    for r in reversed {
        let markup: String = r.chars().rev().collect();
        assert!(markup.starts_with('<'), "turned round: {markup}");
        assert!(!allowed(&markup), "refused: {markup}");
    }
    assert!(!compiled_in(""), "nothing is not markup of ours");
}
