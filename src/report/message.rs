//! Messages shown to people, always in both interface languages.
//!
//! The core never decides which language a person reads; it hands the shell both.

use serde::Serialize;

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// A message in Simplified Chinese and in English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The Chinese text.
    pub zh: String,
    /// The English text.
    pub en: String,
}

impl Message {
    /// Builds a message from its two texts.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
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
