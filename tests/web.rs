//! Components in a real headless Chromium (wasm-bindgen-test): `cargo test --target
//! wasm32-unknown-unknown --test web`. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element of the test page and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), nianbao::ui::App).forget();
    host
}

fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_shell_lists_the_six_sections_and_switches_format() {
    let host = mount_app();
    assert_eq!(texts(&host, "h1"), ["政府信息公开工作年度报告"]);
    assert_eq!(
        texts(&host, "ol.nb-sections li"),
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
    let select: web_sys::HtmlSelectElement = host
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "ogi-2021");
    select.set_value("ogi-2019");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    // Effects run on the next tick of the executor, as they do for a person's click.
    leptos::task::tick().await;
    let hint = texts(&host, ".nb-hint").join("");
    assert!(hint.contains("2019、2020年度"), "{hint}");
}

#[wasm_bindgen_test]
async fn the_example_loads_into_a_sandboxed_preview() {
    let host = mount_app();
    assert!(host.query_selector("iframe").unwrap().is_none());
    let button: web_sys::HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    leptos::task::tick().await;
    let frame: web_sys::HtmlIFrameElement = host
        .query_selector("iframe")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(frame.get_attribute("sandbox").as_deref(), Some(""));
    let page = frame.srcdoc();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<h1>青禾市临江区望湖街道办事处2025年政府信息公开工作年度报告</h1>"));
}
