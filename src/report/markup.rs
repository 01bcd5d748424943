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

/// Text without the characters XML 1.0 does not allow (control characters but tab, line feed
/// and carriage return; U+FFFE and U+FFFF): every XML the app writes (`.docx`, `.xlsx`) goes
/// through it, so Word and Excel open what pasted text and imported pages bring.
pub fn xml_text(text: &str) -> String {
    text.chars().filter(|c| xml_allows(*c)).collect()
}

/// Whether XML 1.0 allows the character in text.
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (!c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}'))
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
/// script-bearing element, or an attribute named `on…`, named `srcdoc`, or whose value holds a
/// script URL, a data URL or a character reference (the app's Trusted Types tripwire,
/// `ui/trusted.rs`). Tags are read as browsers read them: quoted values may hold `>`, an
/// attribute may follow a closing quote directly, and `=` may have spaces around it. Text outside
/// tags (escaped user text) never counts.
pub fn could_run_script(markup: &str) -> bool {
    let chars: Vec<char> = markup.to_ascii_lowercase().chars().collect();
    let mut at = 0;
    while at < chars.len() {
        if chars[at] != '<' {
            at += 1;
            continue;
        }
        at += 1;
        if chars.get(at) == Some(&'/') {
            at += 1;
        }
        // `<` not followed by a letter is text to a browser.
        if !chars.get(at).is_some_and(char::is_ascii_alphabetic) {
            continue;
        }
        let name = take_while(&chars, &mut at, |c| c.is_ascii_alphanumeric());
        if UNSAFE_ELEMENTS.contains(&name.as_str()) {
            return true;
        }
        loop {
            take_while(&chars, &mut at, |c| c.is_whitespace() || c == '/');
            match chars.get(at) {
                None => return false,
                Some('>') => {
                    at += 1;
                    break;
                }
                Some(_) => {}
            }
            // A name's first character may be anything (even `=`); then up to a separator.
            let first = chars[at];
            at += 1;
            let rest = take_while(&chars, &mut at, |c| {
                !(c.is_whitespace() || c == '/' || c == '>' || c == '=')
            });
            let attribute = format!("{first}{rest}");
            take_while(&chars, &mut at, char::is_whitespace);
            let mut value = String::new();
            if chars.get(at) == Some(&'=') {
                at += 1;
                take_while(&chars, &mut at, char::is_whitespace);
                match chars.get(at) {
                    Some(&quote) if quote == '"' || quote == '\'' => {
                        at += 1;
                        value = take_while(&chars, &mut at, |c| c != quote);
                        at += 1;
                    }
                    _ => value = take_while(&chars, &mut at, |c| !(c.is_whitespace() || c == '>')),
                }
            }
            if attribute.starts_with("on") || attribute == "srcdoc" || unsafe_value(&value) {
                return true;
            }
        }
    }
    false
}

/// The characters from `at` while `keep` holds, advancing `at` past them.
fn take_while(chars: &[char], at: &mut usize, keep: impl Fn(char) -> bool) -> String {
    let start = *at;
    while *at < chars.len() && keep(chars[*at]) {
        *at += 1;
    }
    chars[start..*at].iter().collect()
}

/// A script or data URL, or a character reference that could spell one, in an attribute value.
fn unsafe_value(value: &str) -> bool {
    // Browsers skip whitespace and control characters inside a URL's scheme.
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    squeezed.contains("javascript:")
        || squeezed.contains("vbscript:")
        || squeezed
            .trim_start_matches(['"', '\'', '`'])
            .starts_with("data:")
        || squeezed.contains("url(data:")
        || ["&#", "&colon", "&tab", "&newline"]
            .iter()
            .any(|e| squeezed.contains(e))
}
