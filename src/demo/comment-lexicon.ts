// Phrases readers' comments are built from, in both languages. Written for Folio. They are
// meant to exercise the Filtered HTML format: blank lines and single line breaks, bare URLs,
// www. addresses, e-mail addresses, and the allowed tags (<em>, <strong>, <blockquote>, <a href>).

/** Opinion sentences in English; {place} and {num} are filled in. */
export const EN_COMMENT_SENTENCES = [
  'Great piece, thank you.', 'I disagree with the writer on one point.', 'This is exactly what happened in my village too.',
  'Who benefits from this?', 'Thanks for covering this — nobody else does.', 'The author forgets that the same thing happened in {year}.',
  'As someone who lived in {place} for {years} years, I can say it is not that simple.', 'Excellent reporting, as usual.',
  'I read it twice and I still do not understand the ministry’s position.', 'Sad, but not surprising.',
  'Please keep writing about {place}; we need more stories like this.', 'The numbers in the third paragraph look wrong to me.',
  'Nobody in power will read this, but I am glad you wrote it.', 'My grandfather used to tell the same story.',
  'So much for the “national unity” we were promised.', 'Finally someone says it out loud.', 'This comment section is getting depressing.',
] as const;

/** Replies to another commenter, in English. */
export const EN_REPLY_OPENERS = ['@{name}: you are missing the point.', '@{name} I agree with you.', 'With respect, {name}, that is not what the article says.', 'Well said, {name}.'] as const;

/** Sentences that carry a link or an address, in English. */
export const EN_LINK_LINES = [
  'More background here: http://www.example.org/reports/{slug}',
  'There is a longer version at www.example.com/archive/{num}',
  'See <a href="http://example.net/article/{num}">this earlier report</a> for the other side.',
  'If anyone has contacts in {place}, write to me at {email}',
  'Full text of the statement: https://docs.example.org/statements/{num}.html',
] as const;

/** Sentences with inline formatting, in English. */
export const EN_MARKUP_LINES = [
  'This is <em>really</em> the heart of the matter.', 'The key sentence is the last one: <strong>nobody was held responsible</strong>.',
  '<blockquote>The state is absent here</blockquote>\nThat line says everything.', 'I would call it a <em>policy</em>, not an accident.',
] as const;

/** Subjects readers typed themselves (otherwise the subject comes from the body). */
export const EN_SUBJECTS = ['Thank you', 'Not so simple', 'Who benefits?', 'The numbers', 'Well written', 'A correction', 'Same story everywhere', 'Question'] as const;

/** Opinion sentences in Arabic. */
export const AR_COMMENT_SENTENCES = [
  'مقال ممتاز، شكراً لكم.', 'أختلف مع الكاتب في نقطة واحدة.', 'هذا بالضبط ما حدث في قريتي أيضاً.', 'من المستفيد من كل هذا؟',
  'شكراً لأنكم تكتبون عن {place}، لا أحد غيركم يفعل.', 'الأرقام في الفقرة الثالثة تبدو غير دقيقة.', 'حزين لكنه غير مفاجئ.',
  'عشت في {place} {years} عاماً، والأمر ليس بهذه البساطة.', 'أخيراً هناك من يقولها بصوت عالٍ.', 'جدي كان يروي القصة نفسها.',
  'نريد المزيد من هذه التقارير.', 'لا أحد من المسؤولين سيقرأ هذا، لكن شكراً على الكتابة.',
] as const;

/** Replies in Arabic. */
export const AR_REPLY_OPENERS = ['@{name} أوافقك الرأي.', 'مع احترامي يا {name}، المقال لا يقول ذلك.', 'كلام في محله يا {name}.'] as const;

/** Arabic sentences with a link or an address. */
export const AR_LINK_LINES = [
  'تفاصيل أكثر هنا: http://www.example.org/ar/reports/{num}', 'راجعوا www.example.com/archive/{num}',
  'لمن لديه معلومات عن {place}، راسلوني على {email}', 'انظروا <a href="http://example.net/ar/{num}">هذا التقرير</a> أيضاً.',
] as const;

/** Arabic sentences with inline formatting. */
export const AR_MARKUP_LINES = ['هذا <em>فعلاً</em> جوهر المسألة.', 'الجملة الأهم هي: <strong>لم يُحاسَب أحد</strong>.', '<blockquote>الدولة غائبة هنا</blockquote>\nهذه الجملة تقول كل شيء.'] as const;

/** Subjects in Arabic. */
export const AR_SUBJECTS = ['شكراً', 'ليس بهذه البساطة', 'من المستفيد؟', 'ملاحظة', 'تصحيح', 'سؤال'] as const;

/** Places readers mention, in Arabic. */
export const AR_COMMENT_PLACES = ['صيدا', 'طرابلس', 'صور', 'بعلبك', 'غزة', 'حلب', 'حمص', 'النبطية', 'زحلة', 'جنين'] as const;

/** Places readers mention, in English. */
export const EN_COMMENT_PLACES = ['Sidon', 'Tripoli', 'Tyre', 'Baalbek', 'Gaza', 'Aleppo', 'Homs', 'Nabatieh', 'Zahle', 'Jenin', 'Hama', 'Irbid'] as const;
