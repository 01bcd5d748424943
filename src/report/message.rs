//! Messages shown to people, always in both interface languages.
//!
//! The core never decides which language a person reads; it hands the shell both.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// A text in Simplified Chinese and in English: the one form of every bilingual text, fixed
/// (a format's guidance, a screen's label: [`Message::fixed`]) or made at run time (a finding
/// with its numbers: [`Message::new`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The Chinese text.
    pub zh: Cow<'static, str>,
    /// The English text.
    pub en: Cow<'static, str>,
}

impl Message {
    /// Builds a message from its two texts.
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A message fixed at compile time (for data: templates, labels).
    pub const fn fixed(zh: &'static str, en: &'static str) -> Self {
        Message {
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl std::fmt::Display for Message {
    /// Both languages, Chinese first, for logs and the command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.zh, self.en)
    }
}
