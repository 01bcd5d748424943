//! 发布到网站: which way into a site's editor keeps the tables, what to check after, and the
//! one CSS rule a site adds when its editor drops borders. What it says is what
//! `tests/e2e/editors.test.mjs` measures in the editors government sites embed (`docs/cms.md`).

use super::clipboard::copy_text;
use super::i18n::tr;
use crate::report::export::SITE_CSS;
use leptos::prelude::*;

/// The guide under the export buttons of 审阅与导出.
#[component]
pub fn PublishGuide() -> impl IntoView {
    let copied = RwSignal::new(None::<Result<(), String>>);
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            copied.set(Some(copy_text(SITE_CSS).await));
        });
    };
    view! {
        <section class="nb-publish" aria-labelledby="nb-publish-heading">
            <h2 id="nb-publish-heading">{tr("发布到网站", "Publishing on the site")}</h2>
            <ol class="nb-publish-steps">
                <li>{tr(
                    "粘贴：点“复制”，在网站后台编辑器的正文中按 Ctrl+V。KindEditor、wangEditor 4 和 5、TinyMCE、CKEditor 5 都保留全部表格、合并单元格、数字和标题。",
                    "Paste: press “Copy”, then Ctrl+V in the body of the site's editor. KindEditor, wangEditor 4 and 5, TinyMCE and CKEditor 5 all keep every table, merged cell, figure and heading.",
                )}</li>
                <li>{tr(
                    "或用源代码模式：点“下载片段”，用记事本打开下载的文件，全选复制，粘贴到编辑器的“源代码”（HTML）视图中。",
                    "Or source mode: press “Download fragment”, open the file in Notepad, copy all of it, and paste it into the editor's source (HTML) view.",
                )}</li>
                <li>{tr(
                    "发布前在网站的预览中检查两处：表格有边框；表三（收到和处理政府信息公开申请情况）完整显示，没有被挤窄到每格只有两三个字。",
                    "Before publishing, check two things in the site's preview: the tables have borders, and table 三 (requests received and handled) is shown whole, not squeezed to two or three characters a cell.",
                )}</li>
                <li>{tr(
                    "表格边框：wangEditor 4 粘贴时会去掉边框（改用源代码模式可以保留）；wangEditor 5 不保留边框；CKEditor 5 只在网站引用它的内容样式时显示边框。发布后表格没有边框的，请网站管理员把下面这条样式规则加到网站的样式表中（只需加一次）：",
                    "Borders: wangEditor 4 drops them when pasting (source mode keeps them); wangEditor 5 keeps none; CKEditor 5 shows them only where the site includes its content styles. If the published tables have no borders, ask the site's administrator to add this rule to the site's style sheet (once):",
                )}</li>
            </ol>
            <pre class="nb-css-rule"><code>{SITE_CSS}</code></pre>
            <button type="button" class="nb-button nb-button-secondary" on:click=copy>
                {tr("复制样式规则", "Copy the style rule")}
            </button>
            {move || copied.get().map(|r| match r {
                Ok(()) => view! { <p class="nb-banner nb-banner-ok" role="status">{tr("样式规则已复制。", "The style rule is copied.")}</p> }.into_any(),
                Err(why) => view! { <p class="nb-banner nb-banner-error" role="alert">{tr("浏览器拒绝了复制，请选中上面的规则手动复制。", "The browser refused to copy; select the rule above and copy it yourself.")} " (" {why} ")"</p> }.into_any(),
            })}
        </section>
    }
}
