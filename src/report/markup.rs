//! Text made safe for HTML: the one escaping function every piece of markup the core builds
//! goes through (the exported page, its charts, the recognition report).

/// Escapes text for HTML content and attribute values, and drops the control characters and
/// noncharacters that HTML forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE
}

/// Elements that could run script or change where the page's URLs go.
const UNSAFE_ELEMENTS: [&str; 13] = [
    "script", "iframe", "frame", "object", "embed", "base", "meta", "link", "svg", "math", "style",
    "template", "form",
];

/// Whether `markup` could run script or redirect the page's URLs if inserted as HTML: a
/// script-bearing element, or in any tag an event-handler attribute, a script or data URL as an
/// attribute's value, or `srcdoc` (the app's Trusted Types tripwire, `ui/trusted.rs`). Text
/// outside tags (escaped user text) never counts.
pub fn could_run_script(markup: &str) -> bool {
    let lower = markup.to_ascii_lowercase();
    lower.match_indices('<').any(|(at, _)| {
        let tag = &lower[at + 1..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name: String = tag
            .trim_start_matches(|c: char| c == '/' || c.is_whitespace())
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        UNSAFE_ELEMENTS.contains(&name.as_str()) || unsafe_attribute(tag)
    })
}

/// An event handler, a script or data URL as a value, or `srcdoc`, in the text of one tag.
fn unsafe_attribute(tag: &str) -> bool {
    // An attribute whose name starts with "on": browsers read a name up to whitespace, `/`,
    // `>` or `=`, so anything between "on" and the `=` is part of it.
    let bytes = tag.as_bytes();
    let handler = tag.match_indices("on").any(|(at, _)| {
        let boundary = at
            .checked_sub(1)
            .is_some_and(|i| bytes[i].is_ascii_whitespace() || bytes[i] == b'/');
        let rest = &tag[at + 2..];
        let name = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>');
        boundary
            && rest.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.is_some_and(|n| rest[n..].starts_with('='))
    });
    // Browsers skip whitespace and control characters inside a URL's scheme.
    let squeezed: String = tag
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let url = squeezed.contains("javascript:")
        || squeezed.contains("vbscript:")
        || squeezed.match_indices("data:").any(|(at, _)| {
            let before = squeezed[..at].trim_end_matches(['"', '\'', '`']);
            before.ends_with('=') || before.ends_with("url(")
        });
    // A character reference inside a tag can spell a scheme the checks above would not see.
    let entity = ["&#", "&colon", "&tab", "&newline"]
        .iter()
        .any(|e| tag.contains(e));
    handler || url || entity || tag.contains("srcdoc")
}
