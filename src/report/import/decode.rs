//! A saved page's bytes as text, decoded as a browser would: a byte-order mark first, then the
//! charset the page declares, else UTF-8 when the bytes mostly are, else GBK (what Chinese
//! government sites serve without saying so). A stray invalid byte becomes U+FFFD, as in a
//! browser, and is counted; a page is never refused for it (nor for a NUL byte, which is valid
//! UTF-8). The CLI and the app's worker both decode with [`decode`].

use encoding_rs::{Encoding, GBK, UTF_8};

/// A page decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read in, as its WHATWG name (`UTF-8`, `GBK`, …).
    pub encoding: &'static str,
    /// How many invalid byte sequences became U+FFFD.
    pub replaced: usize,
}

/// Decodes `bytes`; `declared` is a charset said outside the bytes (a MIME part's), which
/// comes before one the page declares itself.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom..]);
    }
    let named = declared
        .map(str::to_string)
        .or_else(|| declared_charset(bytes))
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = named {
        // UTF-16 said by a page with no byte-order mark is not UTF-16 (browsers agree); a
        // page saying gb2312 is read as GBK, which the label already means.
        let encoding = if encoding.name().starts_with("UTF-16") {
            UTF_8
        } else {
            encoding
        };
        return with(encoding, bytes);
    }
    let utf8 = with(UTF_8, bytes);
    // A few bad bytes in a UTF-8 page are damage; many mean another encoding.
    if utf8.replaced == 0 || utf8.replaced * 200 < bytes.len() {
        return utf8;
    }
    let gbk = with(GBK, bytes);
    if gbk.replaced < utf8.replaced {
        gbk
    } else {
        utf8
    }
}

/// Decodes with `encoding`, each malformed sequence becoming U+FFFD, counted as it is made.
fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3)
            + 16,
    );
    let mut replaced = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                text.push('\u{fffd}');
                replaced += 1;
            }
            DecoderResult::OutputFull => text.reserve(rest.len() * 3 + 16),
        }
    }
    Decoded {
        text,
        encoding: encoding.name(),
        replaced,
    }
}

/// The charset a page declares in its first 4 KB (`<meta charset>`, `<meta http-equiv>` or an
/// XML declaration), lower-cased.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes
        .iter()
        .take(4096)
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let at = head
        .find("charset=")
        .map(|at| at + "charset=".len())
        .or_else(|| {
            let xml = head.find("<?xml")?;
            let rest = &head[xml..];
            let end = rest.find("?>")?;
            rest[..end]
                .find("encoding=")
                .map(|e| xml + e + "encoding=".len())
        })?;
    let name: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_byte_in_a_utf8_page_is_replaced_and_counted() {
        let mut page = "<p>一、总体情况</p>".repeat(50).into_bytes();
        page.insert(3, 0xff);
        let d = decode(&page, None);
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert!(d.text.contains('\u{fffd}') && d.text.contains("总体情况"));
    }

    #[test]
    fn a_nul_byte_is_text_not_a_reason_to_refuse() {
        let d = decode("<p>a\0b</p>".as_bytes(), None);
        assert_eq!(
            (d.encoding, d.replaced, d.text.as_str()),
            ("UTF-8", 0, "<p>a\0b</p>")
        );
    }

    #[test]
    fn gbk_declared_or_not() {
        let (gbk, _, _) = GBK.encode("<meta charset=gb2312><p>政府信息公开工作年度报告</p>");
        let d = decode(&gbk, None);
        assert_eq!((d.encoding, d.replaced), ("GBK", 0));
        assert!(d.text.contains("年度报告"));
        let (bare, _, _) = GBK.encode("<p>政府信息公开工作年度报告</p>");
        let d = decode(&bare, None);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("年度报告"));
    }

    #[test]
    fn a_bom_and_a_declared_charset_come_first() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend("<meta charset=gbk>总体".as_bytes());
        assert_eq!(decode(&bytes, None).encoding, "UTF-8");
        let (gbk, _, _) = GBK.encode("总体情况");
        assert_eq!(decode(&gbk, Some("gb2312")).text, "总体情况");
    }
}
