// Name parts for the demo's fictional people. Combined at random, they make names that belong to
// nobody in particular; the lists are long enough that 60 bylines and thousands of commenters
// rarely repeat.

/** Given names used in bylines, portraits and comments. */
export const GIVEN_NAMES = [
  'Rania', 'Karim', 'Nadim', 'Maya', 'Samer', 'Hiba', 'Ziad', 'Yara', 'Tarek', 'Dima', 'Fadi', 'Lina',
  'Omar', 'Nour', 'Bassel', 'Rasha', 'Hadi', 'Mira', 'Jad', 'Zeina', 'Walid', 'Suha', 'Ghassan', 'Reem',
  'Khaled', 'Joumana', 'Marwan', 'Layal', 'Imad', 'Farah', 'Rami', 'Hala', 'Amer', 'Nisreen', 'Majd',
  'Salma', 'Elias', 'Mona', 'Yasser', 'Dalia', 'Anis', 'Rola', 'Wissam', 'Carla', 'Munir', 'Sawsan',
  'Hisham', 'Aya', 'Nabil', 'Ghada', 'Adnan', 'Tala', 'Sami', 'Jana', 'Issa', 'Lama', 'Ramzi', 'Noha',
  'Kamal', 'Hana', 'Fouad', 'Samira', 'Jamil', 'Widad', 'Naji', 'Rim', 'Hassan', 'Malak', 'Ali', 'Zahra',
] as const;

/** Family names; those with "al-" keep it in their slug, as pathauto did. */
export const FAMILY_NAMES = [
  'al-Haddad', 'Khoury', 'al-Masri', 'Saab', 'Barakat', 'al-Amin', 'Hajjar', 'Daher', 'al-Rifai', 'Najjar',
  'Mansour', 'al-Hallak', 'Tannous', 'Ghanem', 'al-Sayegh', 'Zein', 'Haidar', 'al-Kurdi', 'Sabbagh', 'Atallah',
  'al-Khatib', 'Nassar', 'Shami', 'al-Tawil', 'Fares', 'Abi Nader', 'al-Jabiri', 'Karam', 'Hamdan', 'al-Qassem',
  'Semaan', 'Rizk', 'al-Akkari', 'Bitar', 'Halabi', 'al-Darwish', 'Moussa', 'Yazbek', 'al-Halwani', 'Awad',
  'Salameh', 'al-Omari', 'Kaddoura', 'Matar', 'al-Zahed', 'Qortbawi', 'Shehadeh', 'al-Hakim', 'Boustani', 'Jaber',
  'Chahine', 'al-Bazzi', 'Deeb', 'Ferzli', 'al-Hussaini', 'Kassab', 'Nakhleh', 'al-Mawla', 'Rahal', 'Tabet',
] as const;

/** A second transliteration of some given names, for people printed under two spellings. */
export const ALTERNATE_GIVEN: Readonly<Record<string, string>> = {
  Khaled: 'Khalid', Omar: 'Umar', Hassan: 'Hasan', Hisham: 'Hicham', Kamal: 'Kamel', Ramzi: 'Ramzy',
  Tarek: 'Tariq', Walid: 'Waleed', Yasser: 'Yasir', Nabil: 'Nabeel', Jamil: 'Jameel', Fouad: 'Fuad',
};

/** Photographers for agency photo credits. */
export const PHOTOGRAPHERS = [
  'Hassan Daher', 'Marwan Tannous', 'Joumana Karam', 'Anis Sabbagh', 'Rola Fares', 'Ziad Kaddoura', 'Samer Rahal',
  'Dalia Shami', 'Elias Ferzli', 'Nour Haidar', 'Bassel Yazbek', 'Mira Nakhleh', 'Adnan Kassab', 'Hala Deeb',
] as const;

/** Handles and short names of commenters, who rarely signed with a full name. */
export const COMMENTER_HANDLES = [
  'Anonymous', 'Guest', 'reader from Sidon', 'Abu Karim', 'Um Ziad', 'peace_now', 'freethinker', 'Beiruti',
  'old Damascene', 'Lina K.', 'Sam', 'Concerned reader', 'student in Cairo', 'diaspora kid', 'M. Saab',
  'Nadia from Montreal', 'Jo', 'a teacher', 'T. Hamdan', 'nomad', 'Rashid', 'Karl from Berlin', 'Yusuf',
  'Ella', 'the ferryman', 'Zeinab', 'Observer', 'Hanna M.', 'Chris', 'R.A.', 'Leila', 'Francesco', 'Aisha',
] as const;

/** Arabic given names. */
export const ARABIC_GIVEN_NAMES = [
  'رانيا', 'كريم', 'نديم', 'مايا', 'سامر', 'هبة', 'زياد', 'يارا', 'طارق', 'ديما', 'فادي', 'لينا', 'عمر', 'نور',
  'باسل', 'رشا', 'هادي', 'ميرا', 'جاد', 'زينة', 'وليد', 'سهى', 'غسان', 'ريم', 'خالد', 'جمانة', 'مروان', 'ليال',
] as const;

/** Arabic family names. */
export const ARABIC_FAMILY_NAMES = [
  'الحداد', 'الخوري', 'المصري', 'صعب', 'بركات', 'الأمين', 'حجار', 'ضاهر', 'الرفاعي', 'النجار', 'منصور',
  'الحلاق', 'طنوس', 'غانم', 'الصايغ', 'زين', 'حيدر', 'الكردي', 'صباغ', 'عطالله', 'الخطيب', 'نصار',
] as const;

// Latin spellings of the Arabic names above, index for index, for the Arabic edition's Latin slugs.
const ARABIC_GIVEN_LATIN = [
  'rania', 'karim', 'nadim', 'maya', 'samer', 'hiba', 'ziad', 'yara', 'tarek', 'dima', 'fadi', 'lina', 'omar', 'nour',
  'bassel', 'rasha', 'hadi', 'mira', 'jad', 'zeina', 'walid', 'suha', 'ghassan', 'reem', 'khaled', 'joumana', 'marwan', 'layal',
] as const;
const ARABIC_FAMILY_LATIN = [
  'al-haddad', 'al-khoury', 'al-masri', 'saab', 'barakat', 'al-amin', 'hajjar', 'daher', 'al-rifai', 'al-najjar', 'mansour',
  'al-hallak', 'tannous', 'ghanem', 'al-sayegh', 'zein', 'haidar', 'al-kurdi', 'sabbagh', 'atallah', 'al-khatib', 'nassar',
] as const;

/** The Latin slug of an Arabic name built from the lists above ("lea-al-qazzi" style). */
export function arabicNameSlug(givenIndex: number, familyIndex: number): string {
  return `${ARABIC_GIVEN_LATIN[givenIndex] ?? 'x'}-${ARABIC_FAMILY_LATIN[familyIndex] ?? 'x'}`;
}

/** Arabic handles of commenters. */
export const ARABIC_COMMENTER_HANDLES = [
  'قارئ من صيدا', 'أبو كريم', 'أم زياد', 'مواطن', 'طالبة من طرابلس', 'مغترب', 'متابع', 'سامي', 'ليلى', 'ابن البلد',
  'قارئة دائمة', 'أستاذ متقاعد', 'ح. منصور', 'نادر', 'زائر',
] as const;
