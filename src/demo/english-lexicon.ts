// Word lists for the demo's English prose. Everything here was written for Folio: the sentences
// are generic newsroom phrasing assembled from slots, so no real article is reproduced and no
// real person is quoted. Curly quotes and dashes are deliberate: the original's text used them,
// and listings, teasers and search must cope with them.

/** The regions the Politics subsections cover, plus the ones other sections borrow. */
export type Region = 'lebanon' | 'syria' | 'palestine' | 'arab-world' | 'iraq' | 'egypt' | 'gulf' | 'international';

/** Towns and cities by region, for datelines, captions and clauses. */
export const PLACES: Readonly<Record<Region, readonly string[]>> = {
  lebanon: ['Beirut', 'Tripoli', 'Sidon', 'Tyre', 'Baalbek', 'Zahle', 'Nabatieh', 'Byblos', 'Jounieh', 'Arsal', 'Hermel', 'Akkar', 'Marjayoun', 'Aley'],
  syria: ['Damascus', 'Aleppo', 'Homs', 'Hama', 'Latakia', 'Deir Ezzor', 'Raqqa', 'Daraa', 'Idlib', 'Qusayr', 'Tartus', 'Qamishli', 'Yabroud'],
  palestine: ['Gaza', 'Ramallah', 'Hebron', 'Nablus', 'Jenin', 'Jerusalem', 'Bethlehem', 'Khan Younis', 'Rafah', 'Tulkarem', 'Qalqilya'],
  'arab-world': ['Tunis', 'Amman', 'Sanaa', 'Benghazi', 'Rabat', 'Khartoum', 'Algiers', 'Aden', 'Irbid', 'Sfax'],
  iraq: ['Baghdad', 'Mosul', 'Basra', 'Erbil', 'Fallujah', 'Kirkuk', 'Najaf', 'Ramadi', 'Tikrit'],
  egypt: ['Cairo', 'Alexandria', 'Port Said', 'Suez', 'Ismailia', 'Mansoura', 'Aswan', 'al-Arish'],
  gulf: ['Riyadh', 'Doha', 'Dubai', 'Kuwait City', 'Muscat', 'Manama', 'Jeddah', 'Abu Dhabi'],
  international: ['Geneva', 'Moscow', 'Washington', 'Paris', 'Ankara', 'Tehran', 'Vienna', 'New York', 'Brussels', 'London'],
};

/** People who speak in articles, described by role only. */
export const SPEAKERS = [
  'a senior security official', 'one resident', 'a spokeswoman for the ministry', 'an army officer who asked not to be named',
  'the head of the municipality', 'a lawyer representing the families', 'a Western diplomat', 'a local activist',
  'a shopkeeper near the square', 'a schoolteacher', 'an opposition figure', 'a member of parliament', 'a relief worker',
  'a retired general', 'a university professor', 'a taxi driver', 'the director of the hospital', 'a union organizer',
] as const;

/** Groups and institutions that act in clauses. */
export const ACTORS = [
  'the army', 'the cabinet', 'opposition groups', 'the interior ministry', 'human rights groups', 'local officials',
  'the foreign ministry', 'rebel commanders', 'government forces', 'the UN envoy', 'a parliamentary committee',
  'the municipal council', 'student unions', 'the refugee agency', 'religious leaders', 'the judiciary', 'the security services',
] as const;

/** Questions politicians argued over, reusable as objects. */
export const ISSUES = [
  'the new electoral law', 'public sector wages', 'the refugee crisis', 'the disputed border crossing', 'the fate of the detainees',
  'the stalled reconstruction fund', 'the army’s deployment in the north', 'the release of the kidnapped soldiers',
  'the municipal elections', 'water rights along the river', 'the ceasefire terms', 'the prisoner exchange', 'the fuel subsidy',
  'the presidential vacuum', 'the garbage crisis', 'offshore gas licenses', 'the policy of dissociation', 'the new rent law',
] as const;

/** Whole clauses for Politics bodies; {place} and {issue} are filled in. */
export const POLITICS_CLAUSES = [
  'clashes broke out between rival groups near {place}', 'the cabinet failed for the third time to agree on {issue}',
  'security forces arrested {num} people suspected of smuggling weapons', 'protesters blocked the main road into {place} for several hours',
  'a roadside bomb struck a patrol on the outskirts of {place}', 'talks on {issue} resumed after a {num}-week pause',
  'the parliament postponed its session on {issue} once again', '{num} families fled their homes in {place} overnight',
  'the ministry announced an inquiry into {issue}', 'opposition groups called for a general strike in {place}',
  'residents of {place} spent another night without power', 'a delegation arrived in {place} to mediate between the parties',
  'shelling resumed on the eastern edge of {place} shortly after dawn', 'the army reopened the highway linking {place} to the coast',
  'a court in {place} adjourned the trial until next month', 'negotiators traded accusations over {issue}',
  'the checkpoints around {place} were tightened without explanation', 'hundreds gathered outside the governor’s office in {place}',
] as const;

/** Whole clauses for Culture & Society bodies. */
export const CULTURE_CLAUSES = [
  'the spring film festival opened in {place} with {num} features', 'a young director screened her first documentary in {place}',
  'the old cinema in {place} reopened after {num} years of silence', 'a small press published a translated novel about {theme}',
  'musicians from {place} shared one stage for the first time', 'an exhibition about {theme} drew crowds to a converted warehouse',
  'a theater troupe toured the camps with a play about {theme}', 'volunteers began cataloguing a private archive of photographs in {place}',
  'a poetry night in {place} ran long past midnight', 'students in {place} painted murals about {theme}',
  'the municipal library in {place} lent its last copy of the dictionary', 'a choir of refugees rehearsed in a church hall in {place}',
] as const;

/** Themes artists and writers return to. */
export const THEMES = [
  'exile', 'the civil war', 'memory and migration', 'life in the camps', 'a city’s lost tramway', 'women’s work in the silk mills',
  'the sea', 'disappeared relatives', 'the 1970s music scene', 'children’s street games', 'bread', 'the coastal railway',
] as const;

/** Whole clauses for Economy bodies. */
export const ECONOMY_CLAUSES = [
  'fuel prices rose for the {ordinal} week in a row', 'the central bank left interest rates unchanged',
  'public debt passed {num} percent of output', 'electricity cuts stretched to {hours} hours a day in {place}',
  'tourism revenues fell by a third', 'bakers warned that subsidized flour was running out',
  'the teachers’ union rejected the new salary scale', 'exporters said the closed border was costing them {num} million dollars a month',
  'rents in {place} doubled within a year', 'the budget was sent back to committee', 'farmers dumped unsold produce outside {place}',
  'the port of {place} handled its lowest volume in a decade',
] as const;

/** Openings of Portraits: one person, in the third person. */
export const PORTRAIT_CLAUSES = [
  '{person} was {age} when she first left {place}', '{person} still opens the family bakery in {place} at four in the morning',
  '{person} has photographed weddings in {place} for {num} years', '{person} spent {num} years teaching in the camps',
  '{person} repairs radios in a shop the size of a wardrobe in {place}', '{person} remembers the day the trams stopped running in {place}',
] as const;

/** Generic connective sentences, usable in any section. */
export const CONNECTIVES = [
  'The move drew sharp criticism from {actor}.', 'It was not the first time.', 'Few expected a breakthrough.',
  'The numbers tell only part of the story.', 'Officials did not respond to requests for comment.', 'Many in {place} remain skeptical.',
  'The timing was hardly accidental.', 'So far, {actor} has remained silent.', 'Nobody could say how long it would last.',
  'Those who stayed describe a grinding routine — queues for bread, nights without power, and rumors that travel faster than news.',
  'The ministry’s figures, published on {weekday}, were lower than those of independent monitors.',
  'In {place}, the mood was different.', 'What happens next depends largely on {actor}.',
  'The decision came after weeks of quiet negotiations — and a good deal of public posturing.',
  'Between {year}–{year2}, the same promises were made, and broken, at least twice.',
  'Locals call it ‘the long winter’, half in jest.', 'Similar plans were shelved in {year}.',
] as const;

/** Things people say; each becomes a quotation with a speaker. */
export const QUOTES = [
  'We have heard these promises before', 'Nobody asked us what we wanted', 'There is no plan, only statements',
  'We are not leaving', 'The state is absent here', 'Our children deserve better than this',
  'It will take years to rebuild what was lost in days', 'Everyone is waiting for someone else to move first',
  'We open every morning because closing would mean giving up', 'This is a political decision, not a technical one',
  'I have lived through worse, but never for this long', 'They counted the votes; nobody counted us',
] as const;

/** Words that open a quotation in a teaser (long, so a cut near 150 characters lands inside them). */
export const QUOTE_OPENERS = [
  'Unfortunately', 'Nevertheless', 'Unacceptable', 'Everything', 'Ultimately', 'Absolutely', 'Internationally', 'Realistically',
] as const;

/** Words that open a bracket in a teaser. */
export const BRACKET_OPENERS = ['previously', 'officially', 'reportedly', 'approximately', 'temporarily', 'pictured'] as const;

/** Headline subjects (plural, so every predicate agrees). */
export const HEADLINE_SUBJECTS = [
  'Ministers', 'Residents', 'Teachers', 'Rebels', 'Families', 'Farmers', 'Students', 'Lawyers', 'Fishermen', 'Doctors',
  'Mayors', 'Bakers', 'Refugees', 'Activists', 'Judges', 'Soldiers', 'Drivers', 'Nurses', 'Workers', 'Voters',
] as const;

/** Headline predicates. */
export const HEADLINE_PREDICATES = [
  'brace for another winter', 'reject new tax', 'demand answers over missing relatives', 'count the cost of the floods',
  'return to empty streets', 'wait for a decision that never comes', 'take their case to court', 'rebuild with their own hands',
  'lose patience with the cabinet', 'protest outside parliament', 'stay put despite the shelling', 'queue for bread at dawn',
  'face eviction', 'go on strike', 'cross the border at night', 'weigh the price of staying', 'vote with their feet',
  'organize without the state', 'question the official count', 'mark a grim anniversary',
] as const;

/** Short noun phrases for "X: Y" headlines. */
export const HEADLINE_TOPICS = [
  'The long road home', 'A city on hold', 'Power cuts and patience', 'Inside the talks', 'Who pays for the war?',
  'The quiet exodus', 'A border that moves', 'Bread and politics', 'Waiting for the ceasefire', 'After the fire',
  'The missing', 'A divided council', 'Water wars', 'Between two armies', 'The cost of silence', 'What the rubble hides',
  'A school without teachers', 'The night shift', 'Old rivals, new alliances', 'A deal on paper',
] as const;

/** Titles in Culture & Society. */
export const CULTURE_HEADLINES = [
  'A festival against the odds in {place}', 'The last cinema of {place}', 'Review: a novel about {theme}',
  'Painting {theme} on the walls of {place}', 'The songs {place} forgot', 'Staging {theme} in a refugee camp',
  'An archive of {theme}', '{place} through a photographer’s eyes', 'Reading {theme} in {place}', 'When {place} danced',
] as const;

/** Titles in Economy. */
export const ECONOMY_HEADLINES = [
  'Fuel prices climb again in {place}', 'Inside {place}’s informal economy', 'The price of bread in {place}',
  'Who profits from the power cuts in {place}?', 'Bankers and the budget: {topic}', 'Exporters count losses at {place} crossing',
  'Rents soar in {place}', 'The port of {place} in numbers', 'Wages, debt and {topic}', 'Subsidies under review: {topic}',
] as const;

/** Titles for first-person blog posts. */
export const BLOG_HEADLINES = [
  'Notes from {place}', 'A letter from {place}', 'On {theme}', '{place} diaries: {topic}', 'What I saw in {place}',
  'Why I keep writing about {theme}', 'Postcard from {place}', 'Small hours in {place}', 'Thinking aloud about {theme}',
] as const;

/** First-person sentences for blog bodies. */
export const BLOG_SENTENCES = [
  'I arrived in {place} on a {weekday} morning, later than planned.', 'I did not expect to write about {theme} again so soon.',
  'My neighbor, who has seen three wars, laughed when I asked if she was afraid.', 'We spent the evening arguing about {issue}.',
  'The generator went off at eleven, as it always does.', 'I keep a list of the things people tell me and never print.',
  'This is not a report; it is a note to myself, shared.', 'On the bus back, nobody spoke.',
  'A friend in {place} sent me a photograph I cannot stop looking at.', 'Perhaps I am wrong about this — I often am.',
] as const;

/** Opening words of captions. */
export const CAPTION_SCENES = [
  'A boy walks past a damaged building', 'Protesters chant slogans', 'Women queue for bread', 'Soldiers stand guard',
  'Fishermen mend their nets', 'Mourners carry a coffin', 'Children play in a narrow street', 'A vendor arranges vegetables',
  'Students march', 'Residents inspect the rubble', 'A musician rehearses', 'Workers repair a power line',
] as const;

/** News agencies that credit lines and photo credits name. */
export const AGENCIES = ['AFP', 'Reuters', 'AP', 'ANA'] as const;
