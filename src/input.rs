//! A page's bytes and the encoding to read them in: BOMs, `<meta charset>` and labels.

use crate::error::Error;
use encoding_rs::Encoding;
use lol_html::AsciiCompatibleEncoding;
use std::borrow::Cow;

/// Page bytes ready for lol_html, which reads ASCII-compatible encodings only.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The bytes to parse, without a byte-order mark.
    pub bytes: Cow<'a, [u8]>,
    /// The encoding the bytes are in.
    pub encoding: AsciiCompatibleEncoding,
    /// Whether a `<meta charset>` in the page may still change the encoding (true unless a BOM
    /// or an explicit label decided it, as in browsers).
    pub sniff_meta_charset: bool,
}

impl<'a> Input<'a> {
    /// Prepares bytes, honouring a byte-order mark first, then `label` (e.g. from an HTTP
    /// header), then valid UTF-8, then the page's own `<meta charset>`, defaulting to UTF-8.
    pub fn new(bytes: &'a [u8], label: Option<&str>) -> Result<Input<'a>, Error> {
        if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
            return Self::decided(&bytes[bom_len..], encoding);
        }
        if let Some(label) = label {
            let encoding = Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_owned()))?;
            return Self::decided(bytes, encoding);
        }
        // Saved pages are often re-encoded to UTF-8 while keeping their old `<meta charset>`;
        // bytes that are valid UTF-8 are almost never meant as anything else.
        let valid_utf8 = std::str::from_utf8(bytes).is_ok();
        Ok(Input {
            bytes: Cow::Borrowed(bytes),
            encoding: AsciiCompatibleEncoding::utf_8(),
            sniff_meta_charset: !valid_utf8,
        })
    }

    /// Input already decoded to a Rust string (the wasm module's case).
    pub fn from_text(html: &'a str) -> Input<'a> {
        Input {
            bytes: Cow::Borrowed(html.as_bytes()),
            encoding: AsciiCompatibleEncoding::utf_8(),
            sniff_meta_charset: false,
        }
    }

    fn decided(bytes: &'a [u8], encoding: &'static Encoding) -> Result<Input<'a>, Error> {
        match AsciiCompatibleEncoding::new(encoding) {
            Some(ascii) => Ok(Input {
                bytes: Cow::Borrowed(bytes),
                encoding: ascii,
                sniff_meta_charset: false,
            }),
            None => {
                // UTF-16 and friends: lol_html cannot read them, so transcode to UTF-8 first.
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                Ok(Input {
                    bytes: Cow::Owned(text.into_owned().into_bytes()),
                    encoding: AsciiCompatibleEncoding::utf_8(),
                    sniff_meta_charset: false,
                })
            }
        }
    }
}
