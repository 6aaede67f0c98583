//! Places at every scale: which of the places that share a name the text
//! means, and why. One sentence (of our own) per kind of evidence and per
//! trap; each row lists every place mention the text must yield, as
//! "words → place in first-level division, COUNTRY (reason)"; anything else found fails.

use article_atlas::analysis::{Analysis, Analyzer, Reason};
use article_atlas::gazetteer::Gazetteer;
use article_atlas::place::Place;

/// The kind of evidence, as one word.
fn evidence(reason: Reason) -> &'static str {
    match reason {
        Reason::Unambiguous => "unambiguous",
        Reason::Qualifier(_) => "qualifier",
        Reason::Qualifies(_) => "qualifies",
        Reason::Dateline => "dateline",
        Reason::ArticleNames(_) => "article",
        Reason::Near(_) => "near",
        Reason::Town => "town",
        Reason::Largest => "largest",
        Reason::Correction => "correction",
    }
}

/// Every mention of a town or a division, as "words → place in division, CODE (evidence)".
fn towns(text: &str) -> Vec<String> {
    let g = Gazetteer::builtin();
    let a: Analysis = Analyzer::builtin().analyze_text(text);
    a.mentions
        .iter()
        .filter(|m| matches!(m.place, Place::City(_) | Place::Division(_)))
        .map(|m| {
            let within = m.place.divisions(g).last().map(|d| g.divisions[d].name.as_str());
            let name = m.place.name(g);
            let place = match within {
                Some(d) if d != name => format!("{name} in {d}"),
                _ => name.to_string(),
            };
            format!(
                "{} → {place}, {} ({})",
                a.surface(m),
                m.place.code(g),
                evidence(m.reason)
            )
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = towns(text);
        if got != *expected {
            failures.push(format!("{text:?}\n    expected {expected:?}\n    got      {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn a_qualifier_after_a_comma_or_in_names_the_place() {
    check(&[
        (
            "The council met in Springfield, Ill., on Monday.",
            &["Springfield → Springfield in Illinois, USA (qualifier)"],
        ),
        (
            "Floods reached Paris, Texas, by noon.",
            &[
                "Paris → Paris in Texas, USA (qualifier)",
                "Texas → Texas, USA (qualifies)",
            ],
        ),
        (
            "The storm hit Hamilton, Ont., and later Hamilton in New Zealand.",
            &[
                "Hamilton → Hamilton in Ontario, CAN (qualifier)",
                "Hamilton → Hamilton in Waikato, NZL (qualifier)",
            ],
        ),
        (
            "Newcastle and Wollongong in New South Wales reported storms.",
            &[
                "Newcastle → Newcastle in New South Wales, AUS (article)",
                "Wollongong → Wollongong in New South Wales, AUS (qualifier)",
                "New South Wales → New South Wales, AUS (qualifies)",
            ],
        ),
        // A newsroom abbreviation that holds none of the name's places: a
        // place there too small to be known, not the name's largest place.
        (
            "A barn burned near Belgrade, Minn., on Friday.",
            &["Belgrade → Minnesota, USA (qualifier)"],
        ),
    ]);
}

#[test]
fn a_dateline_places_the_story() {
    check(&[
        (
            "ATHENS, Ga. (AP) — The university closed its campus.",
            &["ATHENS → Athens in Georgia, USA (dateline)"],
        ),
        (
            "ISLAMABAD (Reuters) — Floods in Sindh displaced thousands.",
            &["ISLAMABAD → Islamabad, PAK (dateline)", "Sindh → Sindh, PAK (dateline)"],
        ),
        (
            "LONDON, Ont. — The city council voted on Tuesday. London's mayor said the plan would pass.",
            &[
                "LONDON → London in Ontario, CAN (dateline)",
                "London → London in Ontario, CAN (dateline)",
            ],
        ),
        // A headline run into the story: the dateline opens a sentence.
        (
            "Council weighs parking plan. TORRINGTON — The mayor said the new lot would open in May.",
            &["TORRINGTON → Torrington in Connecticut, USA (dateline)"],
        ),
        // But a country's name there is still the country.
        ("Talks end without a deal. MALTA — The ministers left on Friday.", &[]),
    ]);
}

#[test]
fn the_article_s_divisions_and_neighbours_decide() {
    check(&[
        (
            "Flooding closed roads in Rapides Parish. Alexandria opened two shelters.",
            &[
                "Rapides Parish → Rapides Parish in Louisiana, USA (largest)",
                "Alexandria → Alexandria in Louisiana, USA (article)",
            ],
        ),
        (
            "Shelling hit Kharkiv overnight; in Belgorod, across the border, sirens sounded.",
            &["Kharkiv → Kharkiv, UKR (near)", "Belgorod → Belgorod, RUS (near)"],
        ),
        (
            "Police in Kano and Kaduna said the attacks spread from Maiduguri.",
            &[
                "Kano → Kano, NGA (article)",
                "Kaduna → Kaduna, NGA (largest)",
                "Maiduguri → Maiduguri in Borno, NGA (article)",
            ],
        ),
        (
            "Voters in Ohio head to the polls; turnout in Columbus was high.",
            &[
                "Ohio → Ohio, USA (largest)",
                "Columbus → Columbus in Ohio, USA (article)",
            ],
        ),
    ]);
}

#[test]
fn with_no_evidence_the_largest_place_of_the_name() {
    check(&[
        (
            "Rains flooded Pune and Nagpur.",
            &[
                "Pune → Pune in Maharashtra, IND (largest)",
                "Nagpur → Nagpur in Maharashtra, IND (article)",
            ],
        ),
        (
            "He grew up in Manchester.",
            &["Manchester → Manchester in England, GBR (largest)"],
        ),
        (
            "Fans in Belo Horizonte celebrated.",
            &["Belo Horizonte → Belo Horizonte in Minas Gerais, BRA (largest)"],
        ),
    ]);
}

#[test]
fn words_and_people_that_share_a_place_s_name() {
    check(&[
        // Words: a place only with evidence.
        ("The Mobile phone market is Reading the signs, and Nice work.", &[]),
        (
            "Paris and Lyon saw protests.",
            &[
                "Paris → Paris in Île-de-France, FRA (largest)",
                "Lyon → Lyon in Auvergne-Rhône-Alpes, FRA (article)",
            ],
        ),
        // People.
        (
            "Florence Pugh and Michael Jackson were there; Jackson said little.",
            &[],
        ),
        ("Elon Musk spoke.", &[]),
        // Streets, teams and newspapers.
        ("The Edmonton Oilers won on Dublin Road.", &[]),
        // A small town with no evidence is no mark.
        ("Officials in Ely met.", &[]),
    ]);
}

#[test]
fn the_examples_that_used_to_go_wrong() {
    check(&[
        (
            "Russian forces shelled Kharkiv and Bakhmut, while Ukrainian drones struck Belgorod and a refinery near Novorossiysk.",
            &[
                "Kharkiv → Kharkiv, UKR (near)",
                "Bakhmut → Bakhmut in Donetsk, UKR (article)",
                "Belgorod → Belgorod, RUS (near)",
                "Novorossiysk → Novorossiysk in Krasnodar, RUS (article)",
            ],
        ),
        (
            "Israeli strikes hit Rafah and Khan Younis.",
            &[
                "Rafah → Rafaḩ in Gaza Strip, PSE (near)",
                "Khan Younis → Khān Yūnis in Gaza Strip, PSE (near)",
            ],
        ),
        (
            "Floods in Valencia killed 200 people; the town of Paiporta was worst hit.",
            &[
                "Valencia → Valencia, ESP (article)",
                "Paiporta → Paiporta in Valencia, ESP (near)",
            ],
        ),
        (
            "Deputies in Alexandria said the suspect lived at 6016 Dublin Road in Rapides Parish.",
            &[
                "Alexandria → Alexandria in Louisiana, USA (article)",
                "Rapides Parish → Rapides Parish in Louisiana, USA (largest)",
            ],
        ),
        (
            "Fans in Cairns and Edmonton in Queensland watched the storm.",
            &[
                "Cairns → Cairns in Queensland, AUS (article)",
                "Edmonton → Edmonton in Queensland, AUS (qualifier)",
                "Queensland → Queensland, AUS (qualifies)",
            ],
        ),
        (
            "The fair in Woodstock drew crowds from London and across Ontario.",
            &[
                "Woodstock → Woodstock in Ontario, CAN (near)",
                "London → London in Ontario, CAN (article)",
                "Ontario → Ontario, CAN (largest)",
            ],
        ),
        (
            "Lebanon, Ind., and Palestine, Texas, sent help.",
            &[
                "Lebanon → Lebanon in Indiana, USA (qualifier)",
                "Palestine → Palestine in Texas, USA (qualifier)",
                "Texas → Texas, USA (qualifies)",
            ],
        ),
        (
            "Valencia, Spain, and Alexandria, La., were hit.",
            &[
                "Valencia → Valencia, ESP (qualifier)",
                "Alexandria → Alexandria in Louisiana, USA (qualifier)",
            ],
        ),
        (
            "KYIV, Ukraine — Officials said.",
            &["KYIV → Kyiv in Kyiv City, UKR (dateline)"],
        ),
    ]);
}

#[test]
fn streets_papers_and_words_are_no_places() {
    check(&[
        ("He walked down Paris Avenue to London Bridge Road and Orchard St.", &[]),
        ("The Washington Post and the Houston Chronicle reported it.", &[]),
        ("A Bath, a Split decision, and Hope for Victoria and Marion.", &[]),
    ]);
}

#[test]
fn the_article_s_own_evidence_outweighs_the_famous_place() {
    check(&[
        // A country's name that towns share ("Canada", "Cañada") still names the country.
        (
            "Protesters in London urged Canada to take in more refugees.",
            &["London → London in Ontario, CAN (article)"],
        ),
        // A name that is not a word decides before one that is: Dallas, then Paris.
        (
            "A man from Paris died in a Dallas hospital.",
            &[
                "Paris → Paris in Texas, USA (article)",
                "Dallas → Dallas in Texas, USA (largest)",
            ],
        ),
        // A city of millions outranks a village of the name in a country the article names.
        (
            "Nurses trained in Manila now work in Los Angeles.",
            &[
                "Manila → Manila in Metro Manila, PHL (largest)",
                "Los Angeles → Los Angeles in California, USA (largest)",
            ],
        ),
        // Towns of several names inside one state make the state's name the state.
        (
            "Schools in Athens, Madison and Jackson closed as Georgia braced for the storm.",
            &[
                "Athens → Athens in Georgia, USA (article)",
                "Madison → Madison in Georgia, USA (article)",
                "Jackson → Jackson in Georgia, USA (article)",
                "Georgia → Georgia, USA (largest)",
            ],
        ),
    ]);
}

#[test]
fn words_and_other_spellings_are_weak_evidence() {
    check(&[
        // Two Florida villages, Heathrow and Christmas: a word supports nothing.
        ("Travellers at Heathrow faced delays over Christmas.", &[]),
        // Another language's or an old name of a city is that city only with evidence.
        ("Rioters threw Molotov cocktails at the police.", &[]),
        ("A man from Berea was arrested on Tuesday.", &[]),
        ("Talks in Kiev resumed.", &["Kiev → Kyiv in Kyiv City, UKR (largest)"]),
    ]);
}

#[test]
fn names_inside_longer_names_and_people() {
    check(&[
        // A building one word on, unless the word between is the town's own.
        ("Students at Huntsville High School won the prize.", &[]),
        // A county's own buildings are in the county.
        (
            "He was held at the Henderson County Jail near Athens.",
            &[
                "Henderson County → Henderson County in Texas, USA (largest)",
                "Athens → Athens in Texas, USA (article)",
            ],
        ),
        // Initials, a middle initial, a given name after: people.
        ("The play is based on a story by J.M. Barrie.", &[]),
        ("She quoted Sydney J. Harris at length.", &[]),
        ("Medea Benjamin co-founded the group.", &[]),
        // A town that is no capital, before "said": a person.
        ("Hassan said the talks would resume.", &[]),
        // The second word used alone later: a surname.
        ("Kati Mather spoke at the vigil. Mather is now in treatment.", &[]),
        // A capitalised word before it, not opening the sentence: a longer name.
        ("The goal came from Hossam Hassan in the second half.", &[]),
        // A club's or a car maker's word before it.
        ("Real Madrid beat Atletico Madrid; he drove a Dodge Durango home.", &[]),
        // A dictionary word opening a sentence is the word.
        (
            "Church leaders gathered in Lancashire.",
            &["Lancashire → Lancashire in England, GBR (largest)"],
        ),
        // A public body's word after a small town leaves it the town.
        (
            "Crawley Council met in West Sussex.",
            &[
                "Crawley → Crawley in England, GBR (article)",
                "West Sussex → West Sussex in England, GBR (largest)",
            ],
        ),
    ]);
}

#[test]
fn brands_generic_names_and_saints_need_strong_evidence() {
    check(&[
        ("The Toyota failed to yield and struck a parked car.", &[]),
        ("Developers proposed a hotel on the North Shore.", &[]),
        ("Patients at St. Paul's Hospital waited for hours.", &[]),
    ]);
}

#[test]
fn a_name_written_as_a_town_s_is_a_town() {
    check(&[
        // An institution only US and Canadian towns have: not Greece's capital,
        // wherever the words stand ("Athens High School" is a school, but it
        // says which Athens the rest of the article means).
        (
            "The Athens High School band will march on Saturday, and Athens residents may watch from the square.",
            &["Athens → Athens in Georgia, USA (town)"],
        ),
        (
            "Dublin City Manager Ann Ross said the budget was balanced.",
            &["Dublin → Dublin in California, USA (town)"],
        ),
        // The institution's countries, and then the article's own evidence.
        (
            "COLUMBUS, Ohio -- The Dublin Board of Education met Monday.",
            &[
                "COLUMBUS → Columbus in Ohio, USA (dateline)",
                "Ohio → Ohio, USA (qualifies)",
                "Dublin → Dublin in Ohio, USA (article)",
            ],
        ),
        // Without such an institution, the largest place of the name.
        (
            "Athens residents may watch from the square.",
            &["Athens → Athens in Attica, GRC (largest)"],
        ),
        // A country's name written as a town's.
        (
            "The festival returns to the city of Peru next week.",
            &["Peru → Peru in Indiana, USA (town)"],
        ),
        (
            "Deputies said a Lebanon woman found the dog on Sunday.",
            &["Lebanon → Lebanon in Tennessee, USA (town)"],
        ),
    ]);
}

#[test]
fn streets_counties_clubs_and_short_qualifiers() {
    check(&[
        // A street's word after a name is the street's, not a town's.
        (
            "Crowds filled Falcon Street in Leeds.",
            &["Leeds → Leeds in England, GBR (largest)"],
        ),
        // "Co." after a name: the county (or a company), not the town.
        ("PLYMOUTH CO. - Deputies found the stolen tractor.", &[]),
        // A club's word before a name wrapped onto the next line.
        ("The Atletico\n      Madrid striker scored twice.", &[]),
        // A newsroom abbreviation without its full stop, alone after a comma.
        (
            "EDMONTON, Ky (AP) -- A barn fire spread overnight.",
            &["EDMONTON → Edmonton in Kentucky, USA (dateline)"],
        ),
        // Not before another word: "La Liga" is no Louisiana.
        ("Their lead in La Liga grew to six points.", &[]),
    ]);
}

#[test]
fn a_headline_in_capitals_is_no_dateline() {
    check(&[(
        "NICE to clean up parks. DeKALB – Residents will rake leaves on Saturday.",
        &[],
    )]);
}

#[test]
fn a_small_town_s_own_public_bodies_make_it_a_town() {
    check(&[
        // A small town named with its police, its council or its town hall
        // is taken without other evidence.
        (
            "Whitestown police closed the road after the crash on Tuesday.",
            &["Whitestown → Whitestown in Indiana, USA (town)"],
        ),
        (
            "The Torrington City Council voted to repave the lot behind the library.",
            &["Torrington → Torrington in Connecticut, USA (town)"],
        ),
        (
            "Whitestown taxpayers will pay for the new bridge, the mayor said.",
            &["Whitestown → Whitestown in Indiana, USA (town)"],
        ),
        // A town whose own name it is, not a city once called so (Aleppo).
        (
            "Berea police arrested a man on Tuesday.",
            &["Berea → Berea in Ohio, USA (town)"],
        ),
        // After a street's address: the town of the address, even a
        // country's name.
        (
            "Visitors may call at the home, 12 N. Main St., Whitestown, on Friday.",
            &["Whitestown → Whitestown in Indiana, USA (town)"],
        ),
        (
            "Services will be held at the chapel, 40 Elm Street, Lebanon.",
            &["Lebanon → Lebanon in Tennessee, USA (town)"],
        ),
        // Not without them: a small town named alone is no evidence of itself.
        ("A farmer from Whitestown won the prize for the largest pumpkin.", &[]),
        // Not the tail of a hyphenated name, nor a people's name before a noun.
        (
            "Miami-Dade police found the stolen boat on Sunday.",
            &["Miami → Miami in Florida, USA (largest)"],
        ),
        ("An Arab woman led the small orchestra.", &[]),
    ]);
}

#[test]
fn words_of_one_country_s_public_life_are_evidence_for_it() {
    check(&[
        // A sheriff's office, a felony, aldermen: weak evidence for the United
        // States, enough for a small town there.
        (
            "The Sheriff's Office said the driver, of Whitestown, was charged with a felony.",
            &["Whitestown → Whitestown in Indiana, USA (article)"],
        ),
        (
            "The aldermen of Torrington approved the new budget.",
            &["Torrington → Torrington in Connecticut, USA (article)"],
        ),
        // A curly apostrophe counts as a straight one.
        (
            "The Sheriff\u{2019}s Office said a man from Whitestown was arrested.",
            &["Whitestown → Whitestown in Indiana, USA (article)"],
        ),
        // A pound sign: Britain; the RCMP: Canada.
        (
            "A shop in Bicester was fined £5,000 for selling knives.",
            &["Bicester → Bicester in England, GBR (article)"],
        ),
        (
            "RCMP officers said the crash near Chilliwack closed the road.",
            &["Chilliwack → Chilliwack in British Columbia, CAN (article)"],
        ),
        // But not against a famous place of the name.
        (
            "Sheriff's deputies flew to Athens for the conference.",
            &["Athens → Athens in Attica, GRC (largest)"],
        ),
    ]);
}

/// A town in a country the article names, near another name the article
/// gives, is that country's, not its namesake's across the border (larger
/// or not), while a famous place stays itself.
#[test]
fn a_border_town_is_the_named_country_s() {
    check(&[
        (
            "Strikes hit Rafah and Gaza.",
            &[
                "Rafah → Rafaḩ in Gaza Strip, PSE (near)",
                "Gaza → Gaza in Gaza Strip, PSE (article)",
            ],
        ),
        (
            "Israeli strikes hit Rafah and Khan Younis on Tuesday, officials in Gaza said.",
            &[
                "Rafah → Rafaḩ in Gaza Strip, PSE (near)",
                "Khan Younis → Khān Yūnis in Gaza Strip, PSE (article)",
                "Gaza → Gaza in Gaza Strip, PSE (article)",
            ],
        ),
        (
            "Floods in Switzerland closed roads in Rheinfelden and Möhlin.",
            &[
                "Rheinfelden → Rheinfelden in Aargau, CHE (near)",
                "Möhlin → Möhlin in Aargau, CHE (article)",
            ],
        ),
        (
            "Floods closed roads in Rheinfelden, Germany, and in Basel.",
            &[
                "Rheinfelden → Rheinfelden in Baden-Wuerttemberg, DEU (qualifier)",
                "Basel → Basel in Basel-City, CHE (near)",
            ],
        ),
    ]);
}
