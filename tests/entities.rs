//! Entity mentions on sentences we wrote: one named row per error class of the typed-entity
//! issue (GeoNames precision, demonyms, surname spreading, link typing without an index).

mod common;

use common::{pipeline, wikianno};
use wikianno::{Label, RawArticle};

/// The label of the mention whose text is exactly `needle` (its first occurrence after
/// `after`), or `None` when no mention has that span.
fn label_at(title: &str, wikitext: &str, after: &str, needle: &str) -> Option<Label> {
    let raw = RawArticle::wikitext(title, wikitext.to_string()).with_origin("test");
    let annotated = pipeline().annotate(raw);
    let text = &annotated.article.text;
    let from = text.find(after).unwrap_or_else(|| panic!("{after:?} not in {text:?}"));
    let start = from + text[from..].find(needle).expect("needle after its context");
    annotated
        .entities
        .iter()
        .find(|m| m.span.start == start && m.span.end == start + needle.len())
        .map(|m| m.label)
}

macro_rules! rows {
    ($($name:ident: ($title:expr, $text:expr, $after:expr, $needle:expr) => $label:expr;)*) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(label_at($title, $text, $after, $needle), $label, "{:?} in {:?}", $needle, $text);
            }
        )*
    };
}

rows! {
    // GeoNames: capitalized text only, never inside a longer name or after a given name.
    geonames_place_alone: ("T", "He was born in Darmstadt in 1719.", "born", "Darmstadt") => Some(Label::Place);
    geonames_lowercase_is_no_place: ("T", "He sold darmstadt ware.", "sold", "darmstadt") => None;
    geonames_inside_longer_name: ("T", "He studied at the Darmstadt Academy of Arts.", "the", "Darmstadt") => None;
    geonames_after_given_name: ("T", "Her husband, Thomas Darmstadt, wrote.", "Thomas", "Darmstadt") => None;
    geonames_after_title: ("T", "The troops of General Frankfurt left.", "General", "Frankfurt") => None;
    geonames_after_of_name: ("T", "The Treaty of Frankfurt was signed.", "Treaty", "Frankfurt") => None;
    geonames_in_hyphenated_name: ("T", "He was Landgrave of Hesse-Darmstadt until 1790.", "Landgrave", "Darmstadt") => None;
    geonames_in_dashed_name: ("T", "The Darmstadt–Qwertic languages are spoken there.", "The", "Darmstadt") => None;
    geonames_before_hyphen_suffix_still_place: ("T", "It was a Darmstadt-based firm.", "was", "Darmstadt") => Some(Label::Place);
    geonames_after_comma_still_place: ("T", "Goethe, Frankfurt and Weimar.", "Goethe", "Frankfurt") => Some(Label::Place);
    // Demonyms: not inside names, not before "language", not in "African American".
    demonym_alone: ("T", "The Russian army marched.", "The", "Russian") => Some(Label::Demonym);
    demonym_inside_name: ("T", "It began the Russian Revolution of 1917.", "the", "Russian") => None;
    demonym_before_language: ("T", "She spoke the Russian language well.", "the", "Russian") => None;
    demonym_in_african_american: ("T", "An African American writer spoke.", "An", "American") => None;
    demonym_before_title: ("T", "The Spanish Admiral Pareja sailed.", "The", "Spanish") => Some(Label::Demonym);
    // Surname forms of a person named in the article spread to that person only.
    surname_repeat: ("John Henry", "{{Infobox person\n| name = John Henry\n}}\n'''John Henry''' was a boxer. Later Henry retired.", "Later", "Henry") => Some(Label::Person);
    surname_not_in_other_person: ("John Henry", "{{Infobox person\n| name = John Henry\n}}\n'''John Henry''' met Henry Clay there.", "met", "Henry") => None;
    surname_not_after_other_given_name: ("Angela Merkel", "{{Infobox person\n| name = Angela Merkel\n}}\n'''Angela Merkel''' met Ulrich Merkel once.", "met", "Merkel") => None;
    // A name shaped like a person's, quoted whole, is a short work's title; a quoted nickname
    // inside a name is not.
    quoted_given_name_run_is_a_work: ("T", "The band recorded \"Eleanor Rigby\" in 1966.", "recorded", "Eleanor Rigby") => Some(Label::Work);
    quoted_essay_title_is_a_work: ("T", "Her essays include \"Walter Qwerty\" and others.", "include", "Walter Qwerty") => Some(Label::Work);
    unquoted_given_name_run_is_a_person: ("T", "The band met Eleanor Rigby in 1966.", "met", "Eleanor Rigby") => Some(Label::Person);
    // A person-shaped name after "the" that closes the phrase names a thing, not the person.
    the_name_closing_phrase_is_no_person: ("T", "Walter Qwerty built rockets. Engineers tested the Walter Qwerty, a rocket.", "tested", "Walter Qwerty") => None;
    the_name_before_noun_is_the_person: ("T", "Walter Qwerty built rockets. He met the Walter Qwerty family.", "met", "Walter Qwerty") => Some(Label::Person);
    // Links without an index: the title's shape, the infobox parameter, else unknown.
    link_band: ("T", "They toured with [[The Knack (band)|The Knack]].", "with", "The Knack") => Some(Label::Org);
    link_film: ("T", "It was remade as [[Heat (1995 film)|Heat]].", "as", "Heat") => Some(Label::Work);
    link_university: ("T", "She taught at [[University of Texas]].", "at", "University of Texas") => Some(Label::Org);
    link_place_state: ("T", "He died in [[Austin, Texas|Austin]].", "in", "Austin") => Some(Label::Place);
    link_ship: ("T", "He served on [[HMS Beagle]].", "on", "HMS Beagle") => Some(Label::Ship);
    link_person_name: ("T", "The role went to [[Diane Parish]].", "to", "Diane Parish") => Some(Label::Person);
    link_infobox_birth_place: ("T", "{{Infobox person\n| birth_place = [[Qwerty Zxcv]]\n}}\nText.", "", "Qwerty Zxcv") => Some(Label::Place);
    link_infobox_spouse: ("T", "{{Infobox person\n| spouse = [[Qwerty Zxcv]]\n}}\nText.", "", "Qwerty Zxcv") => Some(Label::Person);
    link_infobox_party: ("T", "{{Infobox officeholder\n| party = [[Qwerty Zxcv]]\n}}\nText.", "", "Qwerty Zxcv") => Some(Label::Org);
    link_lowercase_concept: ("T", "He was a [[sport shooting|sports shooter]].", "a", "sports shooter") => Some(Label::Misc);
    link_untyped_is_unknown: ("T", "He wrote for [[Digital Spy]].", "for", "Digital Spy") => Some(Label::Unknown);
    // One sense per discourse: a linked name repeated without a link is the same entity.
    link_repeat_tagged: ("T", "They toured with [[The Knack (band)|The Knack]]; later The Knack split.", "later", "The Knack") => Some(Label::Org);
    link_repeat_later: ("T", "It was sold to [[Bombardier Inc.|Bombardier]] in 1990; later Bombardier closed it.", "later", "Bombardier") => Some(Label::Org);
    link_surname_repeat: ("T", "The role went to [[Diane Parish]]. Critics praised Parish.", "praised", "Parish") => Some(Label::Person);
    // Links typed by the words around them (no index, no gazetteer row, no title shape).
    link_context_born_in: ("T", "He was born in [[Qwerton]] in 1950.", "born", "Qwerton") => Some(Label::Place);
    link_context_died_at_after_date: ("T", "She died on 2 June 1950 at [[Qwerton]].", "died", "Qwerton") => Some(Label::Place);
    link_context_noun_before: ("T", "The Dutch botanist [[Qwerty Zxcv]] placed it there.", "botanist", "Qwerty Zxcv") => Some(Label::Person);
    link_context_kin_before: ("T", "He kissed her sister [[Qwerty Zxcv]] twice.", "sister", "Qwerty Zxcv") => Some(Label::Person);
    link_context_noun_of: ("T", "It lies in the town of [[Qwerton]].", "town", "Qwerton") => Some(Label::Place);
    link_context_apposition: ("T", "He met [[Qwerty Zxcv]], an American actor, in 1990.", "met", "Qwerty Zxcv") => Some(Label::Person);
    link_context_description_place: ("T", "Visit [[Qwerton]], a village in Poland.", "Visit", "Qwerton") => Some(Label::Place);
    link_context_life_span: ("T", "It was named for [[Qwerty Zxcv]] (1834–1857), a doctor.", "named", "Qwerty Zxcv") => Some(Label::Person);
    link_context_by_agent: ("T", "It was described by [[Qwerty]] in 1858.", "described", "Qwerty") => Some(Label::Person);
    link_context_played_for: ("T", "He played for [[Qwerty Zxcv]] in 1990.", "played", "Qwerty Zxcv") => Some(Label::Org);
    link_context_none: ("T", "He wrote for [[Qwerty Zxcv]] in 1990.", "wrote", "Qwerty Zxcv") => Some(Label::Unknown);
    // Session 34: a census's category, an office, a numbered regiment, a club of a league,
    // a language named by its nationality word.
    link_census_category: ("T", "The town was 98.1% [[White (U.S. Census)|White]], 0.1% [[Qwertian (U.S. Census)|Qwertian]].", "98.1%", "White") => Some(Label::Misc);
    link_census_category_anchor_alone: ("T", "The town was 98.1% [[White (U.S. Census)|White]], 0.1% [[Qwertian (U.S. Census)|Qwertian]].", "0.1%", "Qwertian") => Some(Label::Misc);
    link_title_alone_is_office: ("T", "He was the [[Landgrave]] of Qwertia from 1768.", "the", "Landgrave") => Some(Label::Misc);
    link_title_alone_anchor_is_office: ("T", "He became [[President of Qwertia|President]] in 1990.", "became", "President") => Some(Label::Misc);
    link_title_alone_repeat_is_office: ("T", "He was the [[Landgrave]] of Qwertia. His son, Landgrave of Ytrewq, died.", "son,", "Landgrave") => Some(Label::Misc);
    link_title_named_character_is_no_office: ("T", "The android [[Landgrave (Qwerty)|Landgrave]] appears.", "android", "Landgrave") => Some(Label::Unknown);
    link_surname_like_a_title_is_no_office: ("T", "The blues of [[Qw.Er. King|King]] sold well.", "of", "King") => Some(Label::Unknown);
    // Session 37 (links). A capitalized phrase ending in an office's or a rank's title is
    // the office too; not a person's name that ends in one, nor a film's "The General".
    link_office_phrase_is_office: ("T", "He was appointed by the [[Attorney General for Qwertia|Attorney General]] in 1990.", "the", "Attorney General") => Some(Label::Misc);
    link_rank_phrase_is_office: ("T", "He rose to [[Rear Admiral]] in 1990.", "to", "Rear Admiral") => Some(Label::Misc);
    link_office_phrase_after_given_name_is_no_office: ("T", "The song by [[Diane Major]] sold well.", "by", "Diane Major") => Some(Label::Person);
    link_office_phrase_after_the_is_no_office: ("T", "He starred in [[The General]] in 1926.", "in", "The General") => Some(Label::Unknown);
    link_justice_phrase_is_no_office: ("T", "He wrote [[Qwertic Justice]] in 1793.", "wrote", "Qwertic Justice") => Some(Label::Unknown);
    link_king_phrase_is_no_office: ("T", "The blues of [[Zxcv King]] sold well.", "of", "Zxcv King") => Some(Label::Unknown);
    // A person's role in apposition without an article, then "of" (session 37, links).
    link_role_apposition_is_person: ("T", "The British lost. [[Jozef Qwertyk]], captain of a company of jägers, wrote of it.", "lost. ", "Jozef Qwertyk") => Some(Label::Person);
    link_role_apposition_type_noun_is_person: ("T", "The town grew. [[Jozef Qwertyk]], mayor of the town, wrote of it.", "grew. ", "Jozef Qwertyk") => Some(Label::Person);
    link_lowercase_role_apposition_stays_concept: ("T", "She was a [[nymph]], daughter of Qwerty.", "a ", "nymph") => Some(Label::Misc);
    link_place_noun_apposition_says_nothing: ("T", "The war began. [[Qwertyk]], capital of the province, fell.", "began. ", "Qwertyk") => Some(Label::Unknown);
    link_role_without_of_says_nothing: ("T", "The war began. [[Qwertyk]], captain Zxcv said, fell.", "began. ", "Qwertyk") => Some(Label::Unknown);
    // A given name the article's own subject shares with a linked person is the subject's
    // (as its surname forms are); never inside the longer name.
    given_name_shared_with_subject_is_the_subject: ("Pyotr IX, Landgrave of Qwertia", "'''Pyotr IX''' was the son of [[Pyotr VIII, Landgrave of Qwertia|Pyotr VIII]]. In 1775, Pyotr married Anna.", "1775, ", "Pyotr") => Some(Label::Person);
    given_name_shared_with_subject_not_in_longer_name: ("Pyotr IX, Landgrave of Qwertia", "'''Pyotr IX''' was the son of [[Pyotr VIII, Landgrave of Qwertia|Pyotr VIII]]. In 1775, Pyotr married Anna.", "son of ", "Pyotr") => None;
    // The lead sentence that types the subject is cut where the sentence splitter cuts it,
    // not at an initial's or an abbreviation's stop.
    lead_sentence_not_cut_at_initial: ("Habern Q. Zxcvbo", "'''Habern Q. Zxcvbo''' (1920–1990) was a politician. Habern Q. Zxcvbo ran for office.", "politician. ", "Habern Q. Zxcvbo") => Some(Label::Person);
    lead_sentence_not_cut_at_abbreviation: ("Qwerty St. Zxcvbo", "'''Qwerty St. Zxcvbo''' is a village in Ytrewq. Qwerty St. Zxcvbo has a church.", "Ytrewq. ", "Qwerty St. Zxcvbo") => Some(Label::Place);
    // A person's full name without its middle initials is that person; a middle name
    // written in full is no initial.
    subject_without_middle_initial: ("Habern Q. Zxcvbo", "'''Habern Q. Zxcvbo''' (1920–1990) was a politician. In 1970 Habern Zxcvbo ran for office.", "1970 ", "Habern Zxcvbo") => Some(Label::Person);
    link_without_middle_initials: ("T", "He met [[Ann Q. R. Zxcvbo]] (1920–1990) in 1950. Later Ann Zxcvbo wrote.", "Later ", "Ann Zxcvbo") => Some(Label::Person);
    full_middle_name_is_no_initial: ("T", "He met [[Habern Quincy Zxcvbo]] (1920–1990) in 1950. Later Habern Zxcvbo wrote.", "Later ", "Habern Zxcvbo") => None;
    link_title_before_name_is_person: ("T", "He met [[President Qwerty Zxcv]] in 1990.", "met", "President Qwerty Zxcv") => Some(Label::Person);
    link_numbered_regiment: ("T", "A few companies of the [[71st Foot]] were stationed there.", "the", "71st Foot") => Some(Label::Org);
    link_club_of_league: ("T", "He worked out with the [[Qwerton Knicks]] of the NBA Development League.", "the", "Qwerton Knicks") => Some(Label::Org);
    link_name_of_league_without_the_untyped: ("T", "He met [[Qwerty Zxcv]] of the Qwerty League.", "met", "Qwerty Zxcv") => Some(Label::Unknown);
    link_publisher_after_published_by: ("T", "It appears in a comic, published by [[Qwerty Zxcv]]. He left.", "published", "Qwerty Zxcv") => Some(Label::Org);
    link_author_before_novel: ("T", "The park is the setting of [[Qwerty Zxcv]]'s novel El río.", "of", "Qwerty Zxcv") => Some(Label::Person);
    language_after_in: ("T", "The barrios (which mean \"wards\" in Spanish) are small.", "in", "Spanish") => Some(Label::Misc);
    language_after_into_before_by: ("T", "The translation into English by Ann Qwerty was praised.", "into", "English") => Some(Label::Misc);
    language_adjective_stays_demonym: ("T", "The fort fell in Spanish hands in 1600.", "in", "Spanish") => Some(Label::Demonym);
    language_plural_is_the_people: ("T", "It took loans from Americans.", "from", "Americans") => Some(Label::Demonym);
    language_from_the_is_the_people: ("T", "The fort was taken from the French.", "from", "French") => Some(Label::Demonym);
    language_from_the_translator: ("T", "It was translated from the Polish by Ann Qwerty.", "from", "Polish") => Some(Label::Misc);
    language_no_preposition_stays_demonym: ("T", "The army was Spanish.", "was", "Spanish") => Some(Label::Demonym);
    // Session 35 (links): a show's season, a call sign, an order of chivalry; a ship's
    // article names the ship without its prefix; a designation capitalized in the lead.
    link_season_of_a_show_is_work: ("T", "It was a filming location of [[Game of Qwerty (season 6)]].", "of", "Game of Qwerty (season 6)") => Some(Label::Work);
    link_call_sign_is_org: ("T", "In an interview for [[KQWE-FM]], she spoke.", "for", "KQWE-FM") => Some(Label::Org);
    link_order_of_chivalry_is_org: ("T", "He was awarded [[Order of the Qwerty Eagle (Ytrewq)|Order of the Qwerty Eagle]].", "awarded", "Order of the Qwerty Eagle") => Some(Label::Org);
    ship_subject_name_is_the_ship: ("USS John Zxcv", "'''USS ''John Zxcv''''' was a destroyer named for [[John Ytrewq Zxcv]].\n\n''John Zxcv'' was laid down in 1944.", "destroyer", "John Zxcv") => Some(Label::Ship);
    ship_subject_namesake_link_stays: ("USS John Zxcv", "'''USS ''John Zxcv''''' was a destroyer named for [[John Ytrewq Zxcv]].\n\n''John Zxcv'' was laid down in 1944.", "named", "John Ytrewq Zxcv") => Some(Label::Person);
    subject_capitalized_designation: ("Qwerty South-West", "'''Qwerty South-West''' is a Local Government Area in Ytrewq State. Qwerty South-West has a market.", "State.", "Qwerty South-West") => Some(Label::Place);
    link_capitalized_designation_after_a: ("T", "It borders [[Qwerty Zxcv]], a Local Government Area in Ytrewq State.", "borders", "Qwerty Zxcv") => Some(Label::Place);
    link_list_after_the_is_no_designation: ("T", "It has three opera houses: the [[Qwerty Oper]], the Ytrewq State Opera, and the Zxcv Oper.", "the", "Qwerty Oper") => Some(Label::Unknown);
    link_context_repeat_keeps_type: ("T", "He was born in [[Qwerton]]. Later Qwerton grew.", "Later", "Qwerton") => Some(Label::Place);
    link_disambiguator_type_noun: ("T", "He met [[Qwerty Zxcv (footballer)|Qwerty Zxcv]].", "met", "Qwerty Zxcv") => Some(Label::Person);
    link_acronym_repeat: ("T", "He joined the [[Qwerty Zxcv Party]] (QZP) in 1990. The QZP won.", "The", "QZP") => Some(Label::Org);
    link_acronym_in_parentheses: ("T", "He joined the [[Qwerty Zxcv Party]] (QZP) in 1990.", "(", "QZP") => Some(Label::Org);
    // A person's given name is a short form too, never inside a longer name, never shared.
    given_name_repeat: ("T", "The role went to [[Diane Parish]]. Later Diane left.", "Later", "Diane") => Some(Label::Person);
    given_name_not_in_longer_name: ("T", "The role went to [[Diane Parish]]. Then Diane Keaton came.", "Then", "Diane") => None;
    given_name_shared_is_dropped: ("T", "[[Diane Parish]] met [[Diane Keaton]]. Later Diane left.", "Later", "Diane") => None;
    // An untyped link in a list takes the type of the item next to it.
    link_list_item_after_place: ("T", "It borders Darmstadt, [[Zxcvton]] and [[Asdfton]].", "Darmstadt", "Asdfton") => Some(Label::Place);
    link_list_item_untyped_neighbours: ("T", "It borders [[Zxcvton]] and [[Asdfton]].", "borders", "Asdfton") => Some(Label::Unknown);
    // Capitalized names never linked: typed by their own shape or the words around them
    // (the link rules), every occurrence alike; an untyped run gives nothing.
    unlinked_name_by_shape: ("T", "The ships crossed the Qwerty Sea in May.", "crossed", "Qwerty Sea") => Some(Label::Place);
    unlinked_name_with_joiner: ("T", "He worked at the Bank of Qwertia for years.", "worked", "Bank of Qwertia") => Some(Label::Org);
    unlinked_ruler_of_realm: ("T", "It was ruled by Louis IX of Qwertia until 1790.", "ruled", "Louis IX of Qwertia") => Some(Label::Person);
    unlinked_person_by_given_name: ("T", "The role went to Diane Qwerty in 1990.", "went", "Diane Qwerty") => Some(Label::Person);
    unlinked_person_surname_repeat: ("T", "The role went to Diane Qwerty. Critics praised Qwerty.", "praised", "Qwerty") => Some(Label::Person);
    unlinked_name_by_context: ("T", "He was born in Qwerton Zxcv in 1950.", "born", "Qwerton Zxcv") => Some(Label::Place);
    unlinked_repeat_takes_context_type: ("T", "He was born in Qwerton in 1950. Later Qwerton grew.", "Later", "Qwerton") => Some(Label::Place);
    unlinked_sentence_start_repeat: ("T", "He was born in Qwerton in 1950. Qwerton grew.", "1950", "Qwerton") => Some(Label::Place);
    unlinked_untyped_gives_nothing: ("T", "He wrote for Qwerty Zxcv in 1990.", "wrote", "Qwerty Zxcv") => None;
    unlinked_conflicting_contexts: ("T", "He was born in Qwerty. The botanist Qwerty left.", "botanist", "Qwerty") => None;
    unlinked_sentence_initial_word: ("T", "He left. Nevertheless, the army stayed.", "left", "Nevertheless") => None;
    unlinked_possessive_ends_name: ("T", "It was Diane Qwerty's house.", "was", "Diane Qwerty") => Some(Label::Person);
    unlinked_function_word_stripped: ("T", "He left. After Qwertian War ended, he came.", "After", "Qwertian War") => Some(Label::Event);
    // A title or rank is not part of the name; a run carries across a person's particles;
    // an unlinked person's run gives its given name as a short form too, unless two persons of
    // the article share it (s29; until s28 it gave none); a run never makes a new entity of a
    // person the article already names.
    unlinked_title_stripped: ("T", "The revolt was led by Colonel Diane Qwerty in 1865.", "led", "Diane Qwerty") => Some(Label::Person);
    unlinked_title_not_in_span: ("T", "The revolt was led by Colonel Diane Qwerty in 1865.", "led", "Colonel Diane Qwerty") => None;
    unlinked_titles_stripped: ("T", "It was led by General Sir Diane Qwerty.", "led", "Diane Qwerty") => Some(Label::Person);
    unlinked_title_of_realm_kept: ("T", "He met the King of Qwertia in 1865.", "met", "Qwertia") => None;
    unlinked_run_across_particle: ("T", "He sent Manuel Qwerto de Zxcvbo to negotiate.", "sent", "Manuel Qwerto de Zxcvbo") => Some(Label::Person);
    unlinked_run_across_two_particles: ("T", "He sent Manuel de la Zxcvbo to negotiate.", "sent", "Manuel de la Zxcvbo") => Some(Label::Person);
    unlinked_run_across_y: ("T", "It was held by Diane Qwerty y Zxcvbo for a year.", "held", "Diane Qwerty y Zxcvbo") => Some(Label::Person);
    unlinked_particle_name_not_split: ("T", "They entered through the Puerta de Juan Qwerty in 1865.", "through", "Juan Qwerty") => None;
    unlinked_given_name_short_form: ("T", "The role went to Diane Qwerty. Later Diane left.", "Later", "Diane") => Some(Label::Person);
    unlinked_given_name_shared_is_dropped: ("T", "The role went to Diane Qwerty. Diane Zxcvbo came. Later Diane left.", "Later", "Diane") => None;
    unlinked_given_name_shared_with_link_is_dropped: ("T", "The role went to Diane Qwerty. [[Diane Zxcvbo]] came. Later Diane left.", "Later", "Diane") => None;
    unlinked_given_name_not_in_longer_name: ("T", "The role went to Diane Qwerty. Then Diane Zxcvbo came.", "Then", "Diane") => None;
    // A person noun in an apposition types the name before it (s29: plot summaries).
    unlinked_apposition_immigrant: ("T", "The police arrest Qwerto Zxcvbo, a Turkish immigrant, at dawn.", "arrest", "Qwerto Zxcvbo") => Some(Label::Person);
    unlinked_apposition_immigrant_surname_repeat: ("T", "The police arrest Qwerto Zxcvbo, a Turkish immigrant, at dawn. Later Zxcvbo escaped.", "Later", "Zxcvbo") => Some(Label::Person);
    unlinked_title_before_linked_person: ("T", "[[Diane Qwerty]] won. Later Colonel Diane Qwerty retired.", "Later", "Diane Qwerty") => Some(Label::Person);
    unlinked_title_before_linked_person_no_run: ("T", "[[Diane Qwerty]] won. Later Colonel Diane Qwerty retired.", "Later", "Colonel Diane Qwerty") => None;
    // A country row closes no longer name ("New Jersey", "Soviet Russia"), but is a place
    // on its own.
    curated_place_inside_longer_name: ("T", "He moved to New Jersey in 1990.", "moved", "Jersey") => None;
    curated_place_after_adjective_name: ("T", "It was legal in Soviet Russia then.", "legal", "Russia") => None;
    curated_place_alone: ("T", "He moved to Jersey in 1990.", "moved", "Jersey") => Some(Label::Place);
    curated_place_after_function_word: ("T", "He left. In Jersey it rained.", "left", "Jersey") => Some(Label::Place);
    curated_place_after_capitalized_preposition: ("T", "It sank. Off Jersey the sea is rough.", "sank", "Jersey") => Some(Label::Place);
    unlinked_heading_gives_nothing: ("T", "Intro.\n\n== The Qwertian War ==\nIt ended.", "Intro", "Qwertian War") => None;
    // First-level regions (gazetteers/general/subdivisions.tsv) are places, under the
    // GeoNames rules: capitalized text only, never inside a longer name; a name made of
    // direction words only is no region.
    region_state: ("T", "She was born in New Jersey in 1950.", "born", "New Jersey") => Some(Label::Place);
    region_province: ("T", "He moved to Saskatchewan in 1990.", "moved", "Saskatchewan") => Some(Label::Place);
    region_english_name: ("T", "The brewery lies in Bavaria, near the Alps.", "lies", "Bavaria") => Some(Label::Place);
    region_inside_longer_name: ("T", "He studied at the Saskatchewan Institute of Art.", "the", "Saskatchewan") => None;
    region_lowercase_is_no_place: ("T", "He read texas hold'em rules.", "read", "texas") => None;
    region_direction_words_only: ("T", "He spoke of the Upper East often.", "the", "Upper East") => None;
    region_link_typed: ("T", "He toured [[Saskatchewan]] in 1990.", "toured", "Saskatchewan") => Some(Label::Place);
    // A link written as a nationality word names the people or an attribute: a DEMONYM,
    // not the place or person its target is; its unlinked repeats too.
    link_nationality_adjective: ("T", "He was a [[Russia|Russian]] painter.", "a", "Russian") => Some(Label::Demonym);
    link_nationality_plural: ("T", "Then the [[United States|Americans]] landed.", "the", "Americans") => Some(Label::Demonym);
    link_nationality_repeat: ("T", "He was a [[Russia|Russian]] painter. Later a Russian critic wrote.", "Later", "Russian") => Some(Label::Demonym);
    link_nationality_target_name_stays_place: ("T", "He was a [[Russia|Russian]] painter. Later Russia fell.", "Later", "Russia") => Some(Label::Place);
    // The plural of a nationality word names the people, linked or not (s29).
    demonym_plural_unlinked: ("T", "In the retreat, the Americans captured 100 soldiers.", "the", "Americans") => Some(Label::Demonym);
    demonym_plural_inside_longer_name: ("T", "The Qwerty Americans Club met.", "The", "Americans") => None;
    // An acronym of the subject listed in the lead's parentheses after its name (s29).
    subject_acronym_in_lead: ("Qwerty Institute of Zxcv Studies", "The Qwerty Institute of Zxcv Studies (also known as QIZS or Qizs) is a research body. Later QIZS grew.", "Later", "QIZS") => Some(Label::Org);
    subject_acronym_not_initials: ("Diane Qwerty", "Diane Qwerty (born 1950, QZX) is a writer. Later QZX fell.", "Later", "QZX") => None;
    // Continents, oceans and the world's regions and seas are curated places (s29).
    world_region: ("T", "The moth is found in North America and Northern Asia.", "in", "North America") => Some(Label::Place);
    world_sea: ("T", "The ship patrolled the Eastern Mediterranean in 1960.", "the", "Eastern Mediterranean") => Some(Label::Place);
    world_region_inside_longer_name: ("T", "He played in the Qwerty Caribbean Cup.", "the", "Caribbean") => None;
    demonym_soviet: ("T", "The city was threatened by the Soviet army.", "the", "Soviet") => Some(Label::Demonym);
    link_country_name_stays_place: ("T", "He moved to [[Russia]] in 1990.", "moved", "Russia") => Some(Label::Place);
    // A reference list's inverted author name ("Qwerty, Diane K.") holds no mention of the
    // given names alone; the same given name in running text is still the person.
    inverted_author_initials: ("T", "He wrote more.\nQwerty, Diane K. (1977). A Book. Press.", "Qwerty", "Diane K") => None;
    inverted_author_after_semicolon: ("T", "[[Diane Qwerty]] wrote it. Sources: Zxcvb, Marshall; Qwerty, Diane. Books.", "Sources", "Diane") => None;
    inverted_author_year: ("T", "[[Diane Qwerty]] wrote it.\nQwerty, Diane (1977). A Book.", "Qwerty, ", "Diane") => None;
    not_inverted_after_adverb_comma: ("T", "[[Diane Qwerty]] wrote it. However, Diane, who knew it, left.", "However", "Diane") => Some(Label::Person);
    // A quoted title is one name: nothing inside it is a mention of its own; a quoted
    // sentence is no title, and a quoted name alone is still that name.
    quoted_title_place: ("T", "She sang \"Goodbye, Darmstadt\" in 1990.", "sang", "Darmstadt") => None;
    quoted_title_person: ("T", "[[Diane Qwerty]] wrote it. He read \"The Life of Diane Qwerty\" twice.", "Life", "Diane Qwerty") => None;
    quoted_title_curly_quotes: ("T", "She sang “Goodbye, Darmstadt” in 1990.", "sang", "Darmstadt") => None;
    quoted_title_unquoted_twin: ("T", "She sang it: Goodbye, Darmstadt in 1990.", "Goodbye", "Darmstadt") => Some(Label::Place);
    quoted_sentence_place: ("T", "He said \"we left Darmstadt early\" then.", "left", "Darmstadt") => Some(Label::Place);
    quoted_name_alone: ("T", "The city \"Darmstadt\" grew.", "city", "Darmstadt") => Some(Label::Place);
    // Table codes: a currency code and a one-letter anchor's repeats are no names.
    currency_code_no_place: ("T", "He moved to the [[United States|US]] and earned US$5 million.", "earned", "US") => None;
    currency_code_country_alone: ("T", "He moved to the [[United States|US]] and earned US$5 million.", "the", "US") => Some(Label::Place);
    single_letter_anchor_no_repeat: ("T", "Result: [[Win (sport)|W]] in 1990. Then W and X came.", "Then", "W") => None;
    not_inverted_inside_sentence: ("T", "[[Diane Qwerty]] wrote it. He met in Paris, Diane.", "Paris", "Diane") => Some(Label::Person);
    // Session s30: a name never runs across a line break (a caption and its paragraph, two
    // list items), and a head word inside a run makes it no person's name, whatever word
    // opens it (a given name, a title).
    line_break_ends_a_name: ("T", "[[Diane Qwerty]] wrote it. The photo shows Diane\n\nQwerty was born in 1950.", "shows", "Diane\n\nQwerty") => None;
    line_break_name_on_one_line: ("T", "[[Diane Qwerty]] wrote it. The photo shows Diane Qwerty in 1950.", "shows", "Diane Qwerty") => Some(Label::Person);
    head_word_after_title_no_person: ("T", "He played in Major League Qwertyball for years.", "in", "League Qwertyball") => None;
    head_word_after_title_whole_run: ("T", "He played in Major League Qwertyball for years.", "in", "Major League Qwertyball") => None;
    head_word_after_given_name_no_person: ("T", "They stayed at the Jamie Park Lodge in 1990.", "the", "Jamie Park Lodge") => None;
    title_before_person_still_stripped: ("T", "He served under General Qwerty Jones in 1990.", "under", "Qwerty Jones") => Some(Label::Person);
    // Session s31: a name the article gives, repeated as the end of a longer name joined by
    // "of" (a work's title, a building), is no mention of its own; after a person's title or
    // role, or a word that opens the sentence, it still is.
    of_name_end_of_work_title: ("T", "The [[Qwerton]] is old. See The Metaphysics of Qwerton by him.", "Metaphysics", "Qwerton") => None;
    of_the_name_end_of_building: ("T", "The [[Qwerton]] is old. They found the Tomb of the Qwerton there.", "Tomb", "Qwerton") => None;
    of_name_after_role_still_tagged: ("T", "He founded [[Qwerco]]. He became CEO of Qwerco in 1990.", "CEO", "Qwerco") => Some(Label::Unknown);
    of_name_after_title_still_tagged: ("T", "He ruled [[Qwertia]]. He was President of Qwertia then.", "President", "Qwertia") => Some(Label::Unknown);
    of_name_after_sentence_start_still_tagged: ("T", "He saw [[Qwerton]]. Arrival of Qwerton came late.", "Arrival", "Qwerton") => Some(Label::Unknown);
    // A part of a name written around a quoted nickname (cast lists, tables).
    nickname_surname_no_mention: ("T", "[[Diane Qwerty]] acted. The cast: Anna \"Ann\" Qwerty | 1994.", "Ann", "Qwerty") => None;
    nickname_given_name_no_place: ("T", "The cast: Alexandra \"Alexa\" Qwerty | 1994.", "cast", "Alexandra") => None;
    nickname_quote_before_lowercase_still_place: ("T", "He left Darmstadt \"Forever\" and sang.", "left", "Darmstadt") => Some(Label::Place);
    // Session s32: a name inside a work's title cited after its author on a line of its own
    // (a reference list) is no mention; the whole title, or prose after a comma, still is.
    cited_title_after_inverted_author: ("T", "He wrote [[Qwerty War]].\nZxcvbn, Robert. The Qwerty War: Causes, 1763–1789. Oxford, 1984.", "The", "Qwerty War") => None;
    cited_title_after_author_comma: ("T", "He wrote [[Qwerty War]].\nZxcvbn, Richard, The Qwerty War, 1775-1783. London, 2012.", "The", "Qwerty War") => None;
    // A people named by "ethnic group" in a link's anchor is MISC, like a demonym's group
    // plural; "group" alone is an organization's noun ("a rock group").
    ethnic_group_anchor_misc: ("T", "The [[Qwertians|Qwertian ethnic group]] farms. Most Qwertians fish.", "The", "Qwertian ethnic group") => Some(Label::Misc);
    ethnic_group_repeat_misc: ("T", "The [[Qwertians|Qwertian ethnic group]] farms. Most Qwertians fish.", "Most", "Qwertians") => Some(Label::Misc);
    cited_coauthor_still_tagged: ("T", "He met [[Diane Qwerty]].\nZxcvbn, Noel, Diane Qwerty and Eva Asdf. 2009. Clusters. Canberra.", "Noel,", "Diane Qwerty") => Some(Label::Person);
    cited_title_after_initials: ("T", "He wrote [[Qwerty War]].\nZxcvbn, Robert K. The Qwerty War and After. Oxford.", "The", "Qwerty War") => None;
    cited_title_after_author_colon: ("T", "He met [[Diane Qwerty]].\nPeter Zxcvbn: Diane Qwerty – Die Kanzlerin. Pantheon, 2013.", "Zxcvbn:", "Diane Qwerty") => None;
    cited_whole_title_still_tagged: ("T", "He wrote [[Qwerty War]].\nZxcvbn, Robert. Qwerty War. Oxford, 1984.", "Robert.", "Qwerty War") => Some(Label::Event);
    cited_title_prose_after_comma_still_tagged: ("T", "He wrote [[Qwerty War]].\nHowever, Robert said the Qwerty War was lost.", "the", "Qwerty War") => Some(Label::Event);
    // A citation's book and chapter in parentheses after a link is no acronym of it; an
    // acronym whose letters come from the name out of order still is.
    citation_number_after_link_no_acronym: ("T", "As [[Qwerty Zxcvbn]] (XXII.8) wrote, waters heal. Later XXII.8 adds more.", "Later", "XXII.8") => None;
    acronym_out_of_order_still_tagged: ("T", "Times are in [[Qwerty Universal Zxcv]] (UQZ) here. Later UQZ was used.", "Later", "UQZ") => Some(Label::Unknown);
    chapter_numeral_no_person: ("T", "The conflict between Napoleon and Snowball (Ch V) is told.", "(", "Ch V") => None;
    // A title alone is an office, not a person, whatever the words around it say.
    office_title_alone_no_person: ("T", "Power lies with the President. By law the President is the leader of the winning party.", "law the", "President") => None;
    // A name in sentence case that the article also writes in lowercase is a common noun:
    // capitalized by a sentence, a heading or its title, it is no mention; one the article
    // never writes in lowercase keeps its type.
    sentence_case_common_noun_no_mention: ("T", "Organs hold [[Qwertic tissue|qwertic tissue]]. Qwertic tissue gives shape to organs.", "tissue.", "Qwertic tissue") => None;
    sentence_case_subject_common_noun_no_mention: ("Qwertic science", "Qwertic science is a broad field. The history of qwertic science is long.", "Qwertic", "Qwertic science") => None;
    sentence_case_name_never_lowercase_still_tagged: ("T", "The [[Qwertic alphabet]] has signs. Later the Qwertic alphabet spread.", "Later", "Qwertic alphabet") => Some(Label::Misc);
    // An abbreviation's full stop is part of its name, also where it ends the sentence.
    abbreviation_keeps_its_stop: ("T", "He moved to the U.S. in 1990.", "the", "U.S.") => Some(Label::Place);
    abbreviation_stop_ending_sentence: ("T", "He moved to the U.S. The war began.", "the", "U.S.") => Some(Label::Place);
    // A function word a title capitalizes is no part of a person's name.
    // An anchor of one letter and a symbol folds to that letter: its repeats would be every
    // other "C" of the article ("-5 C" in a climate table).
    one_letter_anchor_no_repeats: ("T", "Prices are in [[Qwertian dollar|C$]]. Winters reach -5 C in the north.", "-5 ", "C") => None;
    function_word_no_person_part: ("T", "In 1980, Diane Through the Ages was printed.", "1980,", "Diane Through") => None;
    // Session s34. A person's short form that the article writes in lowercase twice or more
    // is a common word there ("Artists" of a group that a given name's shape typed PERSON),
    // unless a person's title opens the full name ("Lord North").
    short_form_written_lowercase_no_person: ("T", "She joined the [[Young Qwertic Artists]]. Many artists came; the artists sold well. Artists were paid.", "well. ", "Artists") => None;
    short_form_once_lowercase_still_person: ("T", "She met [[Diane Zxcvbn]]. One zxcvbn came. Later Zxcvbn spoke.", "Later", "Zxcvbn") => Some(Label::Person);
    titled_short_form_written_lowercase_still_person: ("T", "The war of [[Lord Qwertyn]] went on. The qwertyn wind and the qwertyn rain. Later Qwertyn resigned.", "Later", "Qwertyn") => Some(Label::Person);
    // A name typed PERSON that the text writes after "the" at most of its matches is none.
    person_mostly_after_the_no_person: ("T", "It was named by the botanist Zxcvbn. The Zxcvbn was ratified. Under the Zxcvbn, states ruled. The Zxcvbn was weak.", "Under the", "Zxcvbn") => None;
    person_seldom_after_the_still_person: ("T", "It was named by the botanist Zxcvbn. Zxcvbn wrote it. Zxcvbn died. The Zxcvbn family mourned.", "wrote", "Zxcvbn") => Some(Label::Person);
    // An acronym is no person's name, whatever the words around it say.
    acronym_no_person: ("T", "It was described by the botanist QWXZ in 1920. Later QWXZ was used widely.", "Later", "QWXZ") => None;
    // A place's adjective is a DEMONYM, whichever rule typed it a place.
    place_adjective_anchor_is_demonym: ("T", "He was born in [[Qwertonia]]. A [[Qwertonia|Qwertonian]] diplomat came. Later the Qwertonian coast was shelled.", "Later the", "Qwertonian") => Some(Label::Demonym);
    // Session s35. The given names of a cited work's inverted author, before a comma and
    // the title or a year, name no one; a co-author's full name still does.
    cited_author_given_name_before_title_no_person: ("T", "He met [[Diane Qwerty]].\nZxcvbn, Diane, Anarchy and Order: An Essay. Oxford, 2007.", "Zxcvbn, ", "Diane") => None;
    cited_author_given_name_before_year_no_person: ("T", "He met [[Diane Qwerty]].\nZxcvbn, Diane, 2003. Self and World. Oxford.", "Zxcvbn, ", "Diane") => None;
    prose_given_name_after_comma_still_person: ("T", "He met [[Diane Qwerty]]. Later, Diane, a poet, left.", "Later, ", "Diane") => Some(Label::Person);
    // A year after the author: the title starts after it ("Janaway, Christopher, 2003.",
    // "M. Bieber, 1964.").
    cited_title_after_author_and_year: ("T", "He studied [[Qwerty Zxcvbn]].\nJanawey, Robert, 2003. Self and World in Qwerty Zxcvbn's Philosophy. Oxford.", "in ", "Qwerty Zxcvbn") => None;
    cited_title_after_initials_and_year: ("T", "He studied [[Qwerty Zxcvbn]].\nM. Biebel, 1964. Qwerty Zxcvbn in Greek and Roman Art. Chicago.", "1964. ", "Qwerty Zxcvbn") => None;
    initials_opening_prose_still_tagged: ("T", "He studied [[Qwerty Zxcvbn]].\nJ. Smith, the tutor, met Qwerty Zxcvbn in Rome.", "met ", "Qwerty Zxcvbn") => Some(Label::Unknown);
    // An ampersand joins one name: a part of it is no mention; two persons stay.
    ampersand_firm_part_no_mention: ("T", "It sold [[Qwerty Books|Qwerty]] titles. Later Qwerty & Zxcvbn printed it.", "Later ", "Qwerty") => None;
    ampersand_second_part_no_mention: ("T", "It sold [[Qwerty Books|Qwerty]] titles. Later Zxcvbn & Qwerty printed it.", "Zxcvbn & ", "Qwerty") => None;
    ampersand_places_still_tagged: ("T", "The moth is found in Europe & Northern Asia.", "in ", "Europe") => Some(Label::Place);
    ampersand_geonames_author_no_place: ("T", "The textbook by Johnson & Darmstadt appeared.", "Johnson & ", "Darmstadt") => None;
    ampersand_persons_still_tagged: ("T", "It cites [[Diane Qwerty]] often. Diane Qwerty & Eva Zxcvbn (2011) argue so.", "often. ", "Diane Qwerty") => Some(Label::Person);
    // A language group's compound is one name: neither part is a mention.
    dashed_language_compound_no_part: ("T", "They speak [[Qwertic languages|Qwertic]]. The Qwertic–Zxcvic family is large.", "The ", "Qwertic") => None;
    dashed_name_pair_still_tagged: ("T", "She visited [[Qwertonia]]. Qwertonia-Zxcvia relations are good.", "visited Qwertonia. ", "Qwertonia") => Some(Label::Unknown);
    // An institution's name that goes on with "for" or "of the" is cut short there.
    institution_cut_before_for_no_mention: ("T", "He worked at the Central Institute for Qwertic Chemistry of the Academy.", "the ", "Central Institute") => None;
    institution_cut_before_of_the_no_mention: ("T", "It was reprinted by [[Zxcv University Press]]. The University Press of the Pacific sold it.", "The ", "University Press") => None;
    league_for_club_still_tagged: ("T", "He joined the [[Qwerty Super League]]. He played in the Qwerty Super League for FC Zxcv.", "in the ", "Qwerty Super League") => Some(Label::Org);
    institution_whole_still_tagged: ("T", "He worked at the [[Central Qwertic Institute]]. Later the Central Qwertic Institute for years paid him.", "Later the ", "Central Qwertic Institute") => Some(Label::Org);
    // "X the Y": the epithet alone is no name.
    epithet_after_the_no_mention: ("T", "It stands by [[Virgin Qwerty|Virgin]]. The church of St Mary the Virgin is old.", "Mary the ", "Virgin") => None;
    the_after_capitalized_verb_still_tagged: ("T", "They met in [[Qwertonia]]. Using the Qwertonia maps, they left.", "Using the ", "Qwertonia") => Some(Label::Unknown);
    // Session s35 (mentions2). A line of "External links" or "Further reading" opens with a
    // linked page's or a work's title: a name inside it is no mention; the title's own name,
    // the site after "at", an author list, and the same words in running text stay.
    external_link_title_no_mention: ("T", "He met [[Diane Qwerty]].\n\n== External links ==\n* Website about Diane Qwerty, Films\n", "about ", "Diane Qwerty") => None;
    external_link_title_by_no_mention: ("T", "He met [[Diane Qwerty]].\n\n== External links ==\n* Behavior by Qwerty\n", "by ", "Qwerty") => None;
    further_reading_title_no_mention: ("T", "He met [[Diane Qwerty]].\n\n== Further reading ==\n* A Quick Introduction to Diane Qwerty\n", "to ", "Diane Qwerty") => None;
    external_link_subject_at_site_still_tagged: ("T", "He met [[Diane Qwerty]].\n\n== External links ==\n* Diane Qwerty at the Zxcv Encyclopedia\n", "links\n", "Diane Qwerty") => Some(Label::Person);
    further_reading_author_list_still_tagged: ("T", "He met [[Diane Qwerty]].\n\n== Further reading ==\n* Diane Qwerty and Eva Zxcvbn, eds. Art and Thought. London, 2003.\n", "reading\n", "Diane Qwerty") => Some(Label::Person);
    title_shape_in_prose_still_tagged: ("T", "He met [[Diane Qwerty]].\n\n== Life ==\nWebsite about Diane Qwerty, Films\n", "about ", "Diane Qwerty") => Some(Label::Person);
    // Session 36 (links). What holds a town, a county or a river is a place ("a village in
    // [[X]]", "the town of Y in [[X]]"); a station, a star or a title-case phrase says nothing.
    link_place_holding_a_village: ("T", "Qwerton is a village in [[Ytrewqia]].", "village in ", "Ytrewqia") => Some(Label::Place);
    link_place_holding_a_named_town: ("T", "The town of Qwer Ton in [[Ytrewqia]] was named after him.", "Ton in ", "Ytrewqia") => Some(Label::Place);
    link_place_holding_is_no_verb: ("T", "As he states in [[Qwerty Logicus]], it holds.", "states in ", "Qwerty Logicus") => Some(Label::Unknown);
    // A month is no place, and since s37 no mention at all (a calendar article).
    link_place_holding_is_no_month: ("T", "They left the city in [[March]] 1776.", "city in ", "March") => None;
    link_station_holds_nothing_known: ("T", "It is a radio station in [[Ytrewqia]].", "station in ", "Ytrewqia") => Some(Label::Unknown);
    link_title_case_cities_in_no_place: ("T", "She covered the song Cities in [[Ytrewqia]].", "Cities in ", "Ytrewqia") => Some(Label::Unknown);
    unlinked_name_holding_a_village_is_a_place: ("T", "Qwerton is a village in Ytrewqia. Ytrewqia is hilly.", "village in ", "Ytrewqia") => Some(Label::Place);
    // The later items of a list after "NOUNs such as" take the class too (Hearst's pattern);
    // two classes ("bands and artists") say nothing; any other word ends the list.
    link_such_as_later_item: ("T", "He played cities such as [[Qwerton]], [[Ytrewq]] and [[Zxcvton]].", "and ", "Zxcvton") => Some(Label::Place);
    link_such_as_later_item_person: ("T", "Guests were academics such as [[Ann Qwerty]], and [[Bo Ytrewq]].", "and ", "Bo Ytrewq") => Some(Label::Person);
    link_such_as_two_classes_say_nothing: ("T", "It had bands and artists such as [[Qwerty Plan]], and [[Ytrewq Zxcv]].", "and ", "Ytrewq Zxcv") => Some(Label::Unknown);
    // A possessive inside a link's anchor is outside the name, as after a dictionary name.
    link_anchor_possessive_outside: ("T", "It was [[Ann Qwerty|Ann Qwerty's]] first novel.", "was ", "Ann Qwerty") => Some(Label::Person);
    link_anchor_possessive_of_the_name_kept: ("T", "They ate at [[McDonald's]] daily.", "at ", "McDonald's") => Some(Label::Unknown);
    link_anchor_possessive_of_the_place_kept: ("T", "They sailed to [[St. Qwerty's, Newfoundland|St. Qwerty's]] then.", "to ", "St. Qwerty's") => Some(Label::Place);
    link_anchor_curly_possessive_outside: ("T", "It was [[Ann Qwerty|Ann Qwerty’s]] first novel.", "was ", "Ann Qwerty") => Some(Label::Person);
    link_such_as_list_ended_by_other_words: ("T", "He played cities such as [[Qwerton]], which is near the sea, and [[Ytrewq Zxcv]].", "and ", "Ytrewq Zxcv") => Some(Label::Unknown);
    // Session s36 (mentions). A month alone, an office or a rank alone, a person's name as
    // a common noun's modifier after "a"/"an", a capitalized row run into a lowercase word,
    // and a people's adjective before one lowercase noun are no mentions; the person named
    // by a title word, the name inside the lowercase phrase and the language stay.
    month_alone_no_mention: ("T", "It opened in [[December]]. In December 2014 it closed.", "In ", "December") => None;
    office_alone_no_mention: ("T", "The [[Prime Minister of Qwertonia|Prime Minister]] spoke. It was opened by the then Prime Minister, Diane Qwerty.", "then ", "Prime Minister") => None;
    rank_alone_no_mention: ("T", "The [[President of Qwertonia|President]] signed. Later the President vetoed it.", "Later the ", "President") => None;
    title_word_surname_still_tagged: ("T", "[[Diane Pope (general)|Diane Pope]] led the army. Later Pope complied.", "Later ", "Pope") => Some(Label::Person);
    eponym_after_article_no_mention: ("T", "The chemist [[Svante Qwertius]] wrote on acids. A Qwertius acid gives protons.", "A ", "Qwertius") => None;
    eponym_full_name_still_tagged: ("T", "The drummer [[Diane Qwerty]] toured. He had tickets to a Diane Qwerty concert.", "to a ", "Diane Qwerty") => Some(Label::Person);
    eponym_person_in_prose_still_tagged: ("T", "The chemist [[Svante Qwertius]] wrote on acids. Later Qwertius argued so.", "Later ", "Qwertius") => Some(Label::Person);
    curated_row_after_lowercase_word_no_mention: ("T", "Rain falls in southern Africa in summer.", "in ", "southern Africa") => None;
    curated_name_after_lowercase_word_tagged: ("T", "Rain falls in southern Africa in summer.", "southern ", "Africa") => Some(Label::Place);
    country_with_its_article_still_tagged: ("T", "It is found in Florida and the Bahamas in winter.", "and ", "the Bahamas") => Some(Label::Place);
    demonym_noun_phrase_no_mention: ("T", "In 1830 [[French people|French]] settlers came. By 1900, 50,000 French people lived there.", "50,000 ", "French people") => None;
    demonym_before_its_noun_still_tagged: ("T", "In 1830 [[French people]] settled there. By 1900, 50,000 French people lived there.", "50,000 ", "French") => Some(Label::Demonym);
    place_after_title_no_mention: ("T", "In July, General Washington arrived outside Boston.", "General ", "Washington") => None;
    place_after_abbreviated_title_no_mention: ("T", "Later Dr. Frankfurt received his PhD.", "Dr. ", "Frankfurt") => None;
    place_after_foreign_joiner_no_mention: ("T", "It is the Republic of Qwertonia (República de Angola).", "República de ", "Angola") => None;
    place_in_list_still_tagged: ("T", "They sailed to Angola, Peru and Chile.", "to ", "Angola") => Some(Label::Place);
    people_word_of_typed_link_is_demonym: ("T", "Troops came from [[Qwertic auxiliaries in the Zxcv War|German]] states. Later German troops left.", "Later ", "German") => Some(Label::Demonym);
    people_word_no_surname_form: ("T", "The writer [[Zxcv Canadian]] wrote books. Later Canadian troops came.", "Later ", "Canadian") => Some(Label::Demonym);
    demonym_alphabet_still_tagged: ("T", "It is written in the [[Greek alphabet]]. The Greek alphabet has 24 letters.", "The ", "Greek alphabet") => Some(Label::Misc);
    // Session s37 (mentions). A part of a capitalized hyphenated compound that no lowercase
    // noun follows is no mention ("Kalbajar-Lachin", "North-East Atlantic"); two names
    // joined before a noun ("Angola-Zimbabwe relations") and peoples' words stay.
    compound_region_part_no_mention: ("T", "The regions are [[Qwerton]] and others. Zxcvia-Qwerton Ytrew (Ytrew) lies east.", "Zxcvia-", "Qwerton") => None;
    compound_region_first_part_no_mention: ("T", "The regions are [[Qwerton]] and others. Qwerton-Zxcvia, Ytrew and Asdf lie east.", "others. ", "Qwerton") => None;
    compound_compass_part_no_mention: ("T", "Fish of the North Sea are many. In the North-East Atlantic stocks fell.", "the ", "North") => None;
    compound_geonames_part_no_mention: ("T", "The Darmstadt-Wiesbaden Line was closed.", "The ", "Darmstadt") => None;
    compound_pair_before_noun_still_tagged: ("T", "Zxcvia was at war with [[Qwertonia]]. Qwertonia-Zxcvia relations are good.", "Qwertonia. ", "Qwertonia") => Some(Label::Unknown);
    compound_pair_after_prefix_still_tagged: ("T", "It fought [[Qwertonia]]. The anti-Qwertonia party won.", "anti-", "Qwertonia") => Some(Label::Unknown);
    compound_peoples_words_still_tagged: ("T", "It was a Polish-British film.", "Polish-", "British") => Some(Label::Demonym);
    // A name right before or after a function word of another language is part of a
    // title or a name in that language; "et al." and "en route" are English.
    foreign_title_after_name_no_mention: ("T", "He studied [[Diane Qwerty]].\nZxcv Bnm, Qwerty und die wilden Jahre der Philosophie, 1987.", "Bnm, ", "Qwerty") => None;
    foreign_name_after_am_no_mention: ("T", "They played at the Theater am Potsdamer Platz.", "am ", "Potsdamer Platz") => None;
    foreign_name_before_des_no_mention: ("T", "He wrote on the Lacs des Pyrénées in 2009.", "the ", "Lacs") => None;
    foreign_en_before_name_no_mention: ("T", "The court of Curaçao, Sint Maarten en van Bonaire sat.", "Curaçao, ", "Sint Maarten") => None;
    et_al_after_author_still_tagged: ("T", "He studied [[Diane Qwerty]]. Diane Qwerty et al. 2003. Qwertics.", "Qwerty. ", "Diane Qwerty") => Some(Label::Person);
    en_route_after_name_still_tagged: ("T", "They left [[Qwertonia]]. The troops crossed Qwertonia en route to the sea.", "crossed ", "Qwertonia") => Some(Label::Unknown);
    // A faith's word is a people's word, whatever a link typed it ("[[Roman Catholic]]").
    faith_adjective_is_demonym: ("T", "He was a [[Roman Catholic]] priest. Later the Roman Catholic bishop came.", "Later the ", "Roman Catholic") => Some(Label::Demonym);
    faith_adjective_alone_is_demonym: ("T", "It had a non-Mormon government and a Catholic leader.", "a ", "Catholic") => Some(Label::Demonym);
    faith_adjective_inside_name_no_mention: ("T", "He joined the Catholic Church in 1900.", "the ", "Catholic") => None;
    // "Awards" and "Foundation" end no person's name.
    awards_no_person: ("T", "She won the [[Diane Qwerty Awards]] twice.", "the ", "Diane Qwerty Awards") => Some(Label::Misc);
    foundation_no_person: ("T", "It came from the [[Diane Qwerty Foundation]].", "the ", "Diane Qwerty Foundation") => Some(Label::Org);
    // Session s37 (cited). A link whose anchor is its target's name written surname first,
    // as reference lists cite authors, is never a "Town, Region" place by the anchor's shape:
    // the target's name decides (a given name or an initial opening it: a person).
    // A list's title sorted on its noun ("Qwertys, The") is no person either.
    cited_author_inverted_person: ("T", "Sources.\n* [[Virginia Qwerty|Qwerty, Virginia]] (1990). Zxcv.", "Sources.", "Qwerty, Virginia") => Some(Label::Person);
    cited_author_initials_person: ("T", "Sources.\n* [[Q. W. E. Rtyuiop|Rtyuiop, Q. W. E.]] (1990). Zxcv.", "Sources.", "Rtyuiop, Q. W. E.") => Some(Label::Person);
    cited_author_glued_initials_person: ("T", "Sources.\n* [[Diane Qwerty Rtyuiop|Rtyuiop, D.Q.]] (1990). Zxcv.", "Sources.", "Rtyuiop, D.Q.") => Some(Label::Person);
    cited_author_middle_name_left_out_person: ("T", "Sources.\n* [[Georgia Asdf Qwerty|Qwerty, Georgia]] (1990). Zxcv.", "Sources.", "Qwerty, Georgia") => Some(Label::Person);
    cited_author_particle_person: ("T", "Sources.\n* [[Diane de Qwerty|de Qwerty, Diane]] (1990). Zxcv.", "Sources.", "de Qwerty, Diane") => Some(Label::Person);
    // A given name the list lacks: the reference line's author (a year or a full stop
    // after the name that opens the line) is a person; elsewhere the anchor says nothing.
    cited_author_reference_line_year_person: ("T", "Sources.\n* [[Rüdzxcv Qwertski|Qwertski, Rüdzxcv]] (1990). Zxcv.", "Sources.", "Qwertski, Rüdzxcv") => Some(Label::Person);
    cited_author_reference_line_full_stop_person: ("T", "Sources.\n* [[Rüdzxcv Qwertski|Qwertski, Rüdzxcv]]. The Zxcv of Asdf. London, 1964.", "Sources.", "Qwertski, Rüdzxcv") => Some(Label::Person);
    cited_author_repeat_link_person: ("T", "Sources.\n* [[Rüdzxcv Qwertski|Qwertski, Rüdzxcv]] (1990). Zxcv.\n* [[Rüdzxcv Qwertski]] wrote more.", "Zxcv.", "Rüdzxcv Qwertski") => Some(Label::Person);
    cited_author_mid_line_unknown_no_place: ("T", "It was praised by [[Rüdzxcv Qwertski|Qwertski, Rüdzxcv]] in 1990.", "by ", "Qwertski, Rüdzxcv") => Some(Label::Unknown);
    cited_author_no_year_after_unknown_no_place: ("T", "Sources.\n* [[Rüdzxcv Qwertski|Qwertski, Rüdzxcv]] wrote it.", "Sources.", "Qwertski, Rüdzxcv") => Some(Label::Unknown);
    sorted_title_inverted_no_place: ("T", "Bands.\n* [[The Qwertys|Qwertys, The]] (1990).", "Bands.", "Qwertys, The") => Some(Label::Unknown);
    town_and_region_link_still_place: ("T", "He lived in [[Qwertyburg, Virginia]] for years.", "in ", "Qwertyburg, Virginia") => Some(Label::Place);
    town_and_region_anchor_still_place: ("T", "He lived in [[Qwertyburg|Qwertyburg, Virginia]] for years.", "in ", "Qwertyburg, Virginia") => Some(Label::Place);
    town_and_region_target_decides: ("T", "He lived in [[Qwertyburg, Texas|Texas, Qwertyburg]] for years.", "in ", "Texas, Qwertyburg") => Some(Label::Place);
}

/// A tiny dump: two typed pages, a redirect, a disambiguation page, and a page that links
/// them and repeats a name unlinked.
const TINY_DUMP: &str = r#"<mediawiki>
<page><title>Qwerton</title><ns>0</ns><revision><text>{{Infobox settlement
| name = Qwerton
}}
'''Qwerton''' is a town.</text></revision></page>
<page><title>Zyx Corp</title><ns>0</ns><revision><text>'''Zyx Corp''' makes things.
[[Category:Companies of Peru]]</text></revision></page>
<page><title>Old Qwerton</title><ns>0</ns><redirect title="Qwerton" /><revision><text>#REDIRECT [[Qwerton]]</text></revision></page>
<page><title>Qw</title><ns>0</ns><revision><text>'''Qw''' may be:
{{disambiguation}}</text></revision></page>
<page><title>Story</title><ns>0</ns><revision><text>'''Story''' is set in [[Old Qwerton|Qwerton]] and [[Zyx Corp]]. Later Qwerton grew; [[Qwerton]] is old.</text></revision></page>
</mediawiki>"#;

/// Every mention of `needle` in the annotated text of an article titled "T", as (label, id).
fn mentions_of(wikitext: &str, needle: &str) -> Vec<(Label, String)> {
    mentions_in("T", wikitext, needle)
}

/// Every mention of `needle` in the annotated text of an article titled `title`, as
/// (label, id), in text order.
fn mentions_in(title: &str, wikitext: &str, needle: &str) -> Vec<(Label, String)> {
    let raw = RawArticle::wikitext(title, wikitext.to_string()).with_origin("test");
    let annotated = pipeline().annotate(raw);
    let text = &annotated.article.text;
    annotated
        .entities
        .iter()
        .filter(|m| m.span.slice(text) == needle)
        .map(|m| (m.label, m.id.to_string()))
        .collect()
}

#[test]
fn unlinked_runs_merge_into_the_person_the_article_names() {
    // A title before a linked person, a fuller name, a particle and more surname: each
    // occurrence is the linked person, never a new entity displacing it.
    for (text, needle, count) in [
        ("[[Diane Qwerty]] won. Later Colonel Diane Qwerty retired.", "Diane Qwerty", 2),
        ("[[Diane Qwerty]] won. Later Generalissimo Diane Qwerty left.", "Diane Qwerty", 2),
        ("[[Diane Qwerty]] won. Later Diane Qwerty y Zxcvbo left.", "Diane Qwerty", 2),
    ] {
        let found = mentions_of(text, needle);
        assert_eq!(found.len(), count, "{text:?}: {found:?}");
        assert!(
            found.iter().all(|(l, id)| *l == Label::Person && id == "Diane_Qwerty"),
            "{text:?}: {found:?}"
        );
    }
    // Another capitalized word after a known name is another person.
    let found = mentions_of(
        "[[Diane Qwerty]] won. Later the actress Diane Qwerty Zxcvbo left.",
        "Diane Qwerty Zxcvbo",
    );
    assert!(found.iter().all(|(_, id)| id != "Diane_Qwerty"), "{found:?}");
}

#[test]
fn index_types_link_targets_and_bad_lines_are_setup_errors() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("tiny.xml");
    std::fs::write(&dump, TINY_DUMP).unwrap();
    let index = dir.path().join("index");
    let (code, _, stderr) =
        wikianno(&["index", dump.to_str().unwrap(), "-o", index.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let titles = std::fs::read_to_string(index.join("titles.tsv")).unwrap();
    assert!(titles.contains("Qwerton\tPLACE\tQwerton\ttemplate\t-"), "{titles}");
    assert!(titles.contains("Zyx Corp\tORG\tZyx_Corp\tcategory\t-"), "{titles}");
    assert!(titles.contains("Qw\tUNKNOWN\tQw\tnone\tdisambiguation"), "{titles}");
    let anchors = std::fs::read_to_string(index.join("anchors.tsv")).unwrap();
    assert!(anchors.contains("Qwerton\tPLACE\tQwerton\t2\t2\t5"), "{anchors}");

    let (code, out, stderr) = wikianno(&[
        "annotate",
        "--no-default-gazetteers",
        "--index",
        index.to_str().unwrap(),
        dump.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let story: serde_json::Value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["title"] == "Story")
        .unwrap();
    let labels: Vec<(&str, &str)> = story["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["text"].as_str().unwrap(), e["label"].as_str().unwrap()))
        .collect();
    assert!(labels.contains(&("Zyx Corp", "ORG")), "{labels:?}");
    assert_eq!(labels.iter().filter(|(t, l)| *t == "Qwerton" && *l == "PLACE").count(), 3);

    std::fs::write(index.join("anchors.tsv"), "# header\nQwerton\tPLACE\tQwerton\ttwo\t2\t3\n")
        .unwrap();
    let (code, _, stderr) = wikianno(&[
        "annotate",
        "--no-default-gazetteers",
        "--index",
        index.to_str().unwrap(),
        dump.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("anchors.tsv:2:"), "{stderr}");
}

/// The three dump samples of the judged sample, when `../shared/data` is there.
fn dump_samples() -> Option<Vec<String>> {
    let data = common::root().join("../shared/data");
    let files = [
        "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
        "dbpedia-minidump-en/enwiki-minidump.xml.bz2",
        "enwiki-more-samples/enwiki-10k.xml.bz2",
    ];
    let paths: Vec<String> = files.iter().map(|f| data.join(f).display().to_string()).collect();
    paths.iter().all(|p| std::path::Path::new(p).exists()).then_some(paths)
}

/// Whitespace runs as one space: renderer changes in blank lines do not move a judged item.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last `n` chars of `s`.
fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// Every judged mention of the judged samples (tests/data/entities_judged.tsv, seed 11;
/// entities_judged_s23.tsv, seed 23, drawn fresh in session s23 after the unlinked-name
/// rule; entities_judged_s25.tsv, seed 25, drawn after the precision rules of session s25;
/// entities_judged_s32.tsv, seed 32, drawn from main at the start of session s32;
/// entities_judged_s34.tsv, seed 34, drawn after the precision rules of session s34;
/// entities_judged_s35.tsv, seed 35, drawn after the precision rules of session s35;
/// entities_judged_s36.tsv, seed 36, drawn after the page-title rule of session s35 mentions2;
/// entities_judged_s37.tsv, seed 37, drawn after the precision rules of session s36 mentions;
/// entities_judged_s38.tsv, seed 38, drawn after the precision rules of session s37 mentions)
/// is still in the output it was judged on: the same article, text and label, with
/// the same 15 characters of context on at least one side (whitespace squeezed), so
/// renderer changes elsewhere in the article do not count as drift but a change that drops
/// or relabels a judged mention does: then the changed items are judged again, never
/// silently stale.
#[test]
fn judged_sample_is_in_step_with_the_output() {
    let Some(samples) = dump_samples() else {
        eprintln!("skipped: ../shared/data dump samples are absent");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let mut args = vec!["index".to_string()];
    args.extend(samples.iter().cloned());
    args.extend(["-o".to_string(), index.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, stderr) = wikianno(&args);
    assert_eq!(code, 0, "{stderr}");
    let mut args = vec!["annotate".to_string(), "--index".to_string(), index.display().to_string()];
    args.extend(samples.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, stderr) = wikianno(&args);
    assert!(code == 0 || code == 1, "{stderr}");
    let mut found = std::collections::HashSet::new();
    for line in out.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let (Some(entities), Some(text)) = (r["entities"].as_array(), r["text"].as_str()) else {
            continue;
        };
        let chars: Vec<char> = text.chars().collect();
        for e in entities {
            let (start, end) =
                (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            let left: String = chars[start.saturating_sub(40)..start].iter().collect();
            let right: String = chars[end..(end + 40).min(chars.len())].iter().collect();
            let key = format!(
                "{}\t{}\t{}",
                r["id"].as_str().unwrap_or(""),
                e["text"].as_str().unwrap_or("").replace('\t', " "),
                e["label"].as_str().unwrap_or("")
            );
            found.insert(format!("{key}\tL{}", tail(&squeeze(&left.replace('\t', " ")), 15)));
            found.insert(format!(
                "{key}\tR{}",
                squeeze(&right.replace('\t', " ")).chars().take(15).collect::<String>()
            ));
        }
    }
    for file in [
        "entities_judged.tsv",
        "entities_judged_s23.tsv",
        "entities_judged_s25.tsv",
        "entities_judged_s32.tsv",
        "entities_judged_s34.tsv",
        "entities_judged_s35.tsv",
        "entities_judged_s36.tsv",
        "entities_judged_s37.tsv",
        "entities_judged_s38.tsv",
    ] {
        let judged = std::fs::read_to_string(common::root().join("tests/data").join(file))
            .expect("judged sample");
        let rows: Vec<Vec<&str>> = judged
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(rows.len(), 200, "{file}");
        // A row whose reason starts "gone since" was judged wrong and a later rule removed
        // its mention: it must stay absent; every other row must still be in the output.
        let gone = |c: &[&str]| c.get(10).is_some_and(|r| r.starts_with("gone since"));
        let drifted: Vec<String> = rows
            .iter()
            .filter(|c| {
                let key = format!("{}\t{}\t{}", c[0], c[3], c[4]);
                let left = format!("{key}\tL{}", tail(&squeeze(c[7]), 15));
                let right =
                    format!("{key}\tR{}", squeeze(c[8]).chars().take(15).collect::<String>());
                let present = found.contains(&left) || found.contains(&right);
                present == gone(c)
            })
            .map(|c| c[..5].join("\t"))
            .collect();
        assert!(
            drifted.is_empty(),
            "{file}: judged mentions no longer in the output (or gone ones back):\n{}",
            drifted.join("\n")
        );
        let correct = rows.iter().filter(|c| c.get(9) == Some(&"correct")).count();
        let kept = rows.iter().filter(|c| !gone(c)).count();
        // A correct mention a later rule removed ("gone since s25, a correct mention lost")
        // is no longer in the output: it counts as drawn, not among those still there.
        let correct_kept = rows.iter().filter(|c| c.get(9) == Some(&"correct") && !gone(c)).count();
        eprintln!(
            "{file}: judged precision of non-link mentions: {correct}/200 as drawn, \
             {correct_kept}/{kept} of those still in the output"
        );
    }
}

#[test]
fn a_corrupt_stored_matcher_is_a_setup_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("tiny.xml");
    std::fs::write(&dump, TINY_DUMP).unwrap();
    let index = dir.path().join("index");
    let (code, _, stderr) =
        wikianno(&["index", dump.to_str().unwrap(), "-o", index.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let matcher = index.join("names.matcher");
    let bytes = std::fs::read(&matcher).unwrap();
    let mut garbled = bytes.clone();
    let middle = garbled.len() / 2;
    garbled[middle] ^= 0x21;
    for bad in [bytes[..bytes.len() - 7].to_vec(), garbled] {
        std::fs::write(&matcher, bad).unwrap();
        let (code, _, stderr) = wikianno(&[
            "annotate",
            "--no-default-gazetteers",
            "--index",
            index.to_str().unwrap(),
            dump.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("names.matcher") && stderr.contains("corrupt"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

// Precision of non-link mentions (session s25, issue #11): whole names (an article's
// repeat of a name, a curated row) inside longer ones, file names, citations, common
// nouns, short forms that are no names, surnames two persons share.
rows! {
    precision_repeat_before_capitalized_word: ("T", "He joined [[Qwerco]] in 1990. Later the Qwerco Tentative List grew.", "the", "Qwerco") => None;
    precision_repeat_after_capitalized_word: ("T", "It spoke [[Qwertic]] early. Eastern Qwertic is old.", "early", "Qwertic") => None;
    precision_repeat_alone_still_tagged: ("T", "He joined [[Qwerco]] in 1990. Later the Qwerco grew.", "the", "Qwerco") => Some(Label::Unknown);
    precision_repeat_after_title_still_tagged: ("T", "[[Diane Qwerty]] won. Later President Diane Qwerty spoke.", "President", "Diane Qwerty") => Some(Label::Person);
    precision_repeat_after_possessive_still_tagged: ("T", "He founded [[Qwerco]]. Diane's Qwerco grew.", "Diane's", "Qwerco") => Some(Label::Unknown);
    precision_repeat_after_of_still_tagged: ("T", "She led [[Qwerco]]. She was Deputy Whip of the Qwerco then.", "Whip", "Qwerco") => Some(Label::Unknown);
    precision_repeat_in_dashed_pair_still_tagged: ("T", "He studied [[Qwerto]] and Zxcvo. The Zxcvo-Qwerto relations grew.", "Zxcvo-", "Qwerto") => Some(Label::Unknown);
    precision_curated_row_inside_longer_name: ("T", "Storms cross the South Atlantic often.", "South", "Atlantic") => None;
    precision_curated_row_alone: ("T", "Storms cross the Atlantic often.", "the", "Atlantic") => Some(Label::Place);
    precision_file_name: ("T", "The photo Darmstadt market.jpg shows it.", "photo", "Darmstadt") => None;
    precision_file_name_after_sentence_end: ("T", "He was born in Darmstadt. Photo.jpg shows it.", "born", "Darmstadt") => Some(Label::Place);
    precision_citation_initials: ("T", "Read Darmstadt, D.L. (2004). Chemistry.", "Read", "Darmstadt") => None;
    precision_capitalized_name_in_lowercase: ("T", "He became [[Chancellor of Qwertia]]. The chancellor of Qwertia left.", "The", "chancellor of Qwertia") => None;
    precision_list_target_gives_no_repeats: ("T", "Its [[List of countries by GQP|GQP]] grew. The GQP fell.", "The", "GQP") => None;
    precision_concept_acronym_no_repeats: ("T", "Its [[Gross qwerty product|GQP]] grew. The GQP fell.", "The", "GQP") => None;
    precision_concept_formula_no_repeats: ("T", "It releases [[Qwerty dioxide|QO2]]. The QO2 rose.", "The", "QO2") => None;
    precision_common_noun_opening_sentence: ("Qwertite", "'''Qwertite''' is grey stuff. Most qwertite is soft. Qwertite melts.", "soft", "Qwertite") => None;
    precision_common_noun_no_worse_entry: ("Jersey", "'''Jersey''' is grey stuff. A jersey is soft. Jersey melts.", "soft", "Jersey") => None;
    precision_subject_never_lowercase_still_tagged: ("Qwertite", "'''Qwertite''' is grey stuff. Qwertite melts.", "stuff", "Qwertite") => Some(Label::Unknown);
    precision_subject_in_infobox_value_still_tagged: ("Qwertite", "'''Qwertite''' is grey stuff. Most qwertite is soft.\n* Made of: Qwertite", "Made", "Qwertite") => Some(Label::Unknown);
    precision_month_no_surname_form: ("T", "The botanist [[Qwerty July]] came. On July 16 he left.", "On", "July") => None;
    precision_function_word_no_given_name: ("T", "The botanist [[The Qwerty]] came. The plants grew.", "came", "The") => None;
}

#[test]
fn precision_shared_surname_is_the_person_named_last() {
    // Two persons of the article share "Qwerty": each occurrence is the one named last,
    // never the one whose link came first; the article's own subject keeps its surname.
    for (title, text, expected) in [
        ("T", "[[Diane Qwerty]] met [[Ray Qwerty]]. Later Qwerty left.", &["Ray_Qwerty"][..]),
        ("T", "[[Ray Qwerty]] met [[Diane Qwerty]]. Later Qwerty left.", &["Diane_Qwerty"]),
        (
            "T",
            "[[Diane Qwerty]] met [[Ray Qwerty]]. Qwerty left. Then Diane Qwerty sang. Qwerty won.",
            &["Ray_Qwerty", "Diane_Qwerty"],
        ),
        (
            "Diane Qwerty",
            "{{Infobox person\n| name = Diane Qwerty\n}}\n'''Diane Qwerty''' met [[Ray Qwerty]]. Later Qwerty left.",
            &["Diane_Qwerty"],
        ),
    ] {
        let ids: Vec<String> =
            mentions_in(title, text, "Qwerty").into_iter().map(|(_, id)| id).collect();
        assert_eq!(ids, expected, "{text:?}");
    }
}

// Session s25 (entlinks): more of the article's own words type a link target or a name.
rows! {
    // One sense per discourse for link targets: the words around one link type every link
    // to the same target that nothing else types; links that disagree give nothing.
    link_target_typed_by_its_other_link: ("T", "He met [[Qwerty Zxcv]], an American actor. Later [[Qwerty Zxcv|Zxcv]] left.", "Later", "Zxcv") => Some(Label::Person);
    link_target_other_links_disagree: ("T", "He was born in [[Qwerty]]. The botanist [[Qwerty]] left. Later [[Qwerty|Q. Z.]] grew.", "Later", "Q. Z.") => Some(Label::Unknown);
    // A link followed by a person's link in parentheses: a character and its actor.
    link_character_with_its_actor: ("T", "It starred [[Qwe Rtyu]] ([[Diane Parish]]) as a cook.", "starred", "Qwe Rtyu") => Some(Label::Person);
    link_character_played_by: ("T", "Later [[Qwe Rtyu]], played by Zxcv Bnm, left.", "Later", "Qwe Rtyu") => Some(Label::Person);
    link_character_without_person_in_parentheses: ("T", "It starred [[Qwe Rtyu]] ([[Zxcv Bnm]]) as a cook.", "starred", "Qwe Rtyu") => Some(Label::Unknown);
    // A lowercase noun of geography after a name: the name is a place; another noun after
    // a name says nothing of it.
    place_noun_after_unlinked_name: ("T", "The gorges of the Qwerty river are deep.", "gorges", "Qwerty") => Some(Label::Place);
    place_noun_after_link: ("T", "It lies in the [[Qwer Ton]] area near the coast.", "lies", "Qwer Ton") => Some(Label::Place);
    other_noun_after_link_says_nothing: ("T", "It closed after the [[Qwer Ton]] bombing of 1990.", "after", "Qwer Ton") => Some(Label::Unknown);
    // A plural type noun before "of" types each item it lists.
    plural_noun_of_list: ("T", "It borders the regions of [[Qwerton]], [[Zxcvton]] and [[Asdfton]].", "regions", "Asdfton") => Some(Label::Place);
    // The article's subject: its name's shape when the title has a tail, more lead nouns.
    subject_name_shape_without_tail: ("Qwerty Township, Zxcv County, Illinois", "'''Qwerty Township''' is one of the townships.", "", "Qwerty Township") => Some(Label::Place);
    subject_lead_memoir: ("Qwerty Zxcv", "'''Qwerty Zxcv''' is a 2011 memoir by a survivor.", "", "Qwerty Zxcv") => Some(Label::Work);
    subject_lead_horse: ("Qwertown", "'''Qwertown''' was a British event horse.", "", "Qwertown") => Some(Label::Misc);
    // A link to a calendar article is a date, not an entity (s37): years, dates, months,
    // decades, centuries, a year in a field. A festival, an event named by its year and a
    // craft with a number stay links.
    calendar_link_year_no_mention: ("T", "It opened in [[1960]] to crowds.", "in", "1960") => None;
    calendar_link_date_no_mention: ("T", "It opened on [[April 30]], 1960.", "on", "April 30") => None;
    calendar_link_month_no_mention: ("T", "It opened in [[March]] that year.", "in", "March") => None;
    calendar_link_decade_no_mention: ("T", "Its peak was the [[1960s]].", "the", "1960s") => None;
    calendar_link_year_in_field_no_mention: ("T", "Best picture of [[1960 in film|1960]] went to Qwerty.", "of", "1960") => None;
    calendar_link_festival_stays: ("T", "They met at [[Easter]] in Qwerton.", "at", "Easter") => Some(Label::Unknown);
    calendar_link_event_by_year_stays: ("T", "She swam at the [[1960 Summer Olympics]].", "the", "1960 Summer Olympics") => Some(Label::Event);
    // The subject typed by its infobox template through the DBpedia mappings (s37), when
    // the lead says nothing our rules read: a company, a U.S. state, a book.
    subject_infobox_company: ("Qwertea", "{{Infobox company\n| name = Qwertea\n| founded = 1943\n}}\n'''Qwertea''' sells furniture. Qwertea grew.", "furniture", "Qwertea") => Some(Label::Org);
    subject_infobox_us_state: ("Zxcvia", "{{Infobox U.S. state\n| name = Zxcvia\n| capital = Qwerton\n}}\n'''Zxcvia''' joined the union in 1959. Zxcvia is cold.", "union", "Zxcvia") => Some(Label::Place);
    subject_infobox_book: ("Ytrewq Farm", "{{Infobox book\n| name = Ytrewq Farm\n| author = Diane Qwerty\n}}\n'''''Ytrewq Farm''''' tells of animals. In Ytrewq Farm the pigs rule.", "In", "Ytrewq Farm") => Some(Label::Work);
    // A template the mappings do not know leaves the subject to the next rule.
    subject_infobox_unmapped_template: ("Qwertite", "{{Infobox qwertyish thing\n| colour = grey\n}}\n'''Qwertite''' is grey stuff. Qwertite melts.", "stuff", "Qwertite") => Some(Label::Unknown);
}
