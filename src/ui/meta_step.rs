//! 基本信息: the catalogue header, contacts, site metadata and the opening paragraph.

use super::editing::use_editing;
use super::field::DraftField;
use super::i18n::{pick, tr, use_lang};
use super::step_frame::StepFrame;
use super::text_step::{StaleKeep, StaleTag};
use crate::report::progress::Step;
use crate::report::rules::Field;
use crate::report::{Message, Meta};
use leptos::prelude::*;

/// The metadata step.
#[component]
pub fn MetaStep() -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let default_title = Signal::derive(move || e.draft.with(|d| d.meta.default_title()));
    let opening_stale = Memo::new(move |_| e.draft.with(|d| d.is_stale(None, None)));
    let editing_opening = Memo::new(move |_| e.draft.with(|d| d.opening.is_some()));
    let generated = move || e.draft.with(|d| d.meta.default_opening());
    // Examples and deadlines in the year the report is published.
    let pub_date_hint = e
        .draft
        .with_untracked(|d| crate::report::kind::pub_date_hint(d.meta.year));
    view! {
        <StepFrame step=Step::Meta>
            <p class="nb-lead">{tr("这些信息印在报告网页顶部的目录信息中，并用于生成开头段落。", "These fields form the catalogue header at the top of the published page and feed the opening paragraph.")}</p>
            <DraftField id="nb-meta-body" label=Message::fixed("发布机构", "Issuing body (发布机构)") field=Field::Body
                hint=Message::fixed("机构全称，例如：绍兴市上虞区曹娥街道办事处。", "The body's full name, e.g. 绍兴市上虞区曹娥街道办事处.")
                get=|d| d.meta.body.clone() set=|d, v| d.meta.body = v />
            <DraftField id="nb-meta-year" label=Message::fixed("年度", "Year (年度)") field=Field::Year short=true inputmode="numeric"
                hint=Message::fixed("报告统计的年度，四位数字。", "The year the report covers, four digits.")
                get=|d| d.meta.year.to_string() set=|d, v| if let Ok(y) = Meta::read_year(&v) { d.meta.year = y }
                check=|v| Meta::read_year(v).err() />
            <DraftField id="nb-meta-title" label=Message::fixed("标题", "Title (标题)") placeholder=default_title
                hint=Message::fixed("留空则使用惯例标题：机构全称＋年度＋“年政府信息公开工作年度报告”。", "Leave empty for the customary title: body + year + 年政府信息公开工作年度报告.")
                get=|d| d.meta.title.clone().unwrap_or_default()
                set=|d, v| d.meta.title = (!v.trim().is_empty()).then_some(v) />
            <DraftField id="nb-meta-index-no" label=Message::fixed("索引号", "Index number (索引号)")
                hint=Message::fixed("信息公开目录的索引号，形如“组织机构代码/年份-序号”，例如 k15129216/2020-54362。", "The catalogue index number: organisation code/year-serial, e.g. k15129216/2020-54362.")
                get=|d| d.meta.index_no.clone() set=|d, v| d.meta.index_no = v />
            <DraftField id="nb-meta-doc-no" label=Message::fixed("文号（可选）", "Document number (文号, optional)")
                get=|d| d.meta.doc_no.clone() set=|d, v| d.meta.doc_no = v />
            <DraftField id="nb-meta-disclosure" label=Message::fixed("公开方式", "Disclosure (公开方式)")
                hint=Message::fixed("年度报告一律为“主动公开”。", "Annual reports are always 主动公开 (proactive).")
                get=|d| d.meta.disclosure.clone() set=|d, v| d.meta.disclosure = v />
            <DraftField id="nb-meta-pub-date" label=Message::fixed("公开日期", "Publication date (公开日期)") field=Field::PubDate short=true
                hint=pub_date_hint
                tidy=crate::report::calendar::read_date
                get=|d| d.meta.pub_date.clone() set=|d, v| d.meta.pub_date = v />
            <DraftField id="nb-meta-pub-time" label=Message::fixed("公开时间（可选）", "Publication time (optional)") field=Field::PubTime short=true
                hint=Message::fixed("格式 HH:MM（24小时制），例如 15:15。网页元数据 PubDate 写作“日期 时间”。", "Format HH:MM (24-hour), e.g. 15:15. The page's PubDate reads “date time”.")
                get=|d| d.meta.pub_time.clone() set=|d, v| d.meta.pub_time = v />
            <fieldset class="nb-fieldset">
                <legend>{tr("联系方式（用于开头段落）", "Contact details (for the opening paragraph)")}</legend>
                <DraftField id="nb-meta-address" label=Message::fixed("联系地址", "Address")
                    get=|d| d.meta.address.clone() set=|d, v| d.meta.address = v />
                <DraftField id="nb-meta-postcode" label=Message::fixed("邮编", "Postcode") short=true inputmode="numeric"
                    get=|d| d.meta.postcode.clone() set=|d, v| d.meta.postcode = v />
                <DraftField id="nb-meta-phone" label=Message::fixed("联系电话", "Telephone") short=true inputmode="tel"
                    get=|d| d.meta.phone.clone() set=|d, v| d.meta.phone = v />
                <DraftField id="nb-meta-published-at" label=Message::fixed("电子版查阅位置", "Where the electronic version is published")
                    hint=Message::fixed("例如：绍兴市上虞区人民政府门户网站“政府信息公开”专栏。", "E.g. the 政府信息公开 column of the district government portal.")
                    get=|d| d.meta.published_at.clone() set=|d, v| d.meta.published_at = v />
            </fieldset>
            <fieldset class="nb-fieldset">
                <legend>{tr("网站信息（可选）", "Website information (optional)")}</legend>
                <p class="nb-hint">{tr("发布年报的网站的信息，按《政府网站发展指引》（国办发〔2017〕47号）写入网页的元数据；不清楚时可不填。", "The publishing website's details, written into the page's metadata as 国办发〔2017〕47号 asks; leave them blank if unsure.")}</p>
                <DraftField id="nb-meta-site-name" label=Message::fixed("网站名称", "Site name")
                    get=|d| d.meta.site.name.clone() set=|d, v| d.meta.site.name = v />
                <DraftField id="nb-meta-site-domain" label=Message::fixed("网站域名", "Site domain")
                    get=|d| d.meta.site.domain.clone() set=|d, v| d.meta.site.domain = v />
                <DraftField id="nb-meta-site-id" label=Message::fixed("网站标识码", "Site ID code")
                    get=|d| d.meta.site.id_code.clone() set=|d, v| d.meta.site.id_code = v />
                <DraftField id="nb-meta-column" label=Message::fixed("栏目名称", "Column name")
                    get=|d| d.meta.site.column.clone() set=|d, v| d.meta.site.column = v />
            </fieldset>
            <section class="nb-card" aria-labelledby="nb-opening-heading">
                <h2 id="nb-opening-heading">{tr("开头段落", "Opening paragraph")}<StaleTag stale=opening_stale /></h2>
                <StaleKeep stale=opening_stale on_keep=move || e.draft.update(|d| d.mark_updated(None, None)) />
                <Show
                    when=move || editing_opening.get()
                    fallback=move || view! {
                        <p class="nb-hint">{tr("根据上面的信息自动生成：", "Generated from the fields above:")}</p>
                        <blockquote class="nb-quote" lang="zh-CN">{generated}</blockquote>
                        <button type="button" class="nb-button nb-button-secondary"
                            on:click=move |_| e.draft.update(|d| d.set_opening(Some(d.meta.default_opening())))>
                            {tr("修改开头段落", "Edit the opening paragraph")}
                        </button>
                    }
                >
                    <DraftField id="nb-opening" label=Message::fixed("开头段落", "Opening paragraph") rows=6
                        hint=Message::fixed("段落之间空一行。", "Separate paragraphs with a blank line.")
                        get=|d| d.opening.clone().unwrap_or_default() set=|d, v| d.set_opening(Some(v)) />
                    <button type="button" class="nb-button nb-button-secondary"
                        on:click=move |_| e.draft.update(|d| d.set_opening(None))>
                        {move || pick(lang.get(), "恢复自动生成", "Use the generated paragraph again")}
                    </button>
                </Show>
            </section>
        </StepFrame>
    }
}
