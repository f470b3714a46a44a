//! Built-in rules: class/id/role hints and the multilingual phrase lexicon.

pub mod hints;
pub mod lexicon;
