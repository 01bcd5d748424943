//! A single-file saved page (.mht, .mhtml, as Chromium, 360 and IE mode write it): a MIME
//! message whose first HTML part is the page. The MIME structure, quoted-printable and base64
//! are read by the `mailparse` crate; the part's charset (GBK is common) by [`super::decode`].

use super::decode::{decode, Decoded};
use crate::report::message::Message;

/// The page inside a single-file saved page, decoded.
pub fn page(bytes: &[u8]) -> Result<Decoded, Message> {
    let mail = mailparse::parse_mail(bytes).map_err(|_| not_mhtml())?;
    let part = html_part(&mail).ok_or_else(not_mhtml)?;
    let body = part.get_body_raw().map_err(|_| {
        Message::new(
            "这个单文件网页的内容编码有误，无法读取",
            "The content of this single-file page is damaged and cannot be read",
        )
    })?;
    // Only a charset the part states outright; otherwise the page says, as a browser reads it.
    let charset = part.ctype.params.get("charset").map(String::as_str);
    Ok(decode(&body, charset))
}

/// The first part that is HTML, depth first (the page; images and styles follow it).
fn html_part<'a>(mail: &'a mailparse::ParsedMail<'a>) -> Option<&'a mailparse::ParsedMail<'a>> {
    if mail.subparts.is_empty() {
        return (mail.ctype.mimetype == "text/html").then_some(mail);
    }
    mail.subparts.iter().find_map(html_part)
}

fn not_mhtml() -> Message {
    Message::new(
        "这不是浏览器保存的单文件网页（.mht/.mhtml），其中没有找到网页",
        "This is not a single-file page saved by a browser (.mht/.mhtml): no page was found in it",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_printable_gbk_page_in_a_multipart_message() {
        let (html, _, _) =
            encoding_rs::GBK.encode("<html><body><p>一、总体情况</p><p>办结12件</p></body></html>");
        let qp: String = html
            .iter()
            .map(|b| {
                if b.is_ascii_alphanumeric() || matches!(b, b'<' | b'>' | b'/' | b' ') {
                    (*b as char).to_string()
                } else {
                    format!("={b:02X}")
                }
            })
            .collect();
        let mht = format!(
            "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://example.gov.cn/a.html\r\n\r\n{qp}\r\n------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------B--\r\n"
        );
        let d = page(mht.as_bytes()).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert!(
            d.text.contains("一、总体情况") && d.text.contains("办结12件"),
            "{}",
            d.text
        );
    }

    #[test]
    fn a_base64_page_without_a_charset_reads_its_meta() {
        use std::fmt::Write;
        let html = "<html><head><meta charset=\"utf-8\"></head><body><p>主动公开</p></body></html>";
        let mut b64 = String::new();
        // Standard base64, written out here so the test needs no other crate.
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for chunk in html.as_bytes().chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..4 {
                let _ = write!(
                    b64,
                    "{}",
                    if i <= chunk.len() {
                        A[(n >> (18 - 6 * i) & 63) as usize] as char
                    } else {
                        '='
                    }
                );
            }
        }
        let mht = format!("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n");
        let d = page(mht.as_bytes()).unwrap();
        assert!(d.text.contains("主动公开"), "{}", d.text);
    }

    #[test]
    fn a_message_with_no_page_is_refused() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx\r\n";
        assert!(page(mht.as_bytes()).is_err());
    }
}
