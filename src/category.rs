//! The kinds of paywall chrome PlainPage removes.

use serde::{Deserialize, Serialize};

/// A category of chrome block. Users switch categories on and off; verdicts count by category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Subscription, sign-up and sign-in prompts, paywall gates, upsell strips and offers.
    Subscribe,
    /// Newsletter sign-up boxes.
    Newsletter,
    /// Related-story, recommended, most-read and top-stories rails.
    Related,
    /// "Download the app" banners and promos.
    AppPromo,
    /// Share bars and follow-us boxes.
    Social,
    /// Advertising slots and sponsored blocks.
    Ad,
}

impl Category {
    /// How many categories there are: the size of every per-category array.
    pub const COUNT: usize = 6;

    /// Every category, in the order reports list them (and of their indices).
    pub const ALL: [Category; Category::COUNT] = [
        Category::Subscribe,
        Category::Newsletter,
        Category::Related,
        Category::AppPromo,
        Category::Social,
        Category::Ad,
    ];

    /// The name used in verdicts, options and the extension UI.
    pub fn name(self) -> &'static str {
        match self {
            Category::Subscribe => "subscribe",
            Category::Newsletter => "newsletter",
            Category::Related => "related",
            Category::AppPromo => "app-promo",
            Category::Social => "social",
            Category::Ad => "ad",
        }
    }

    /// Parses a category name as written in options and filter-list settings.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Index into per-category arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant is in `ALL`, at its own index: adding a category without listing it fails
    /// here (the match below stops compiling first), and `COUNT` sizes every per-category array.
    #[test]
    fn all_lists_every_category_at_its_index() {
        let listed = |c: Category| match c {
            Category::Subscribe
            | Category::Newsletter
            | Category::Related
            | Category::AppPromo
            | Category::Social
            | Category::Ad => Category::ALL.contains(&c),
        };
        assert_eq!(Category::ALL.len(), Category::COUNT);
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert!(listed(c));
            assert_eq!(c.index(), i, "{c}");
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
    }
}
