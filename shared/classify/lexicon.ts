/**
 * Theme keyword seeds: for each of the 27 themes, concepts written in English, Russian and
 * French. A concept's weights per theme are learned from the corpus (scripts/train-themes.ts),
 * so the same concept scores the same in every language, and a matched concept is the evidence.
 *
 * Pattern syntax: words separated by spaces; a word ending in `*` matches any word starting
 * with it; accents and case are ignored (ё = е).
 */
import type { ThemeId } from '../taxonomy/themes';

export interface Concept {
  readonly id: string;
  readonly theme: ThemeId;
  readonly en: readonly string[];
  readonly ru: readonly string[];
  readonly fr: readonly string[];
}

type Seed = [slug: string, en: string[], ru: string[], fr: string[]];

const SEEDS: Record<ThemeId, Seed[]> = {
  agriculture: [
    ['farming', ['agricultur*', 'farm*', 'farmer*', 'agri*'], ['сельск* хозяйств*', 'сельхоз*', 'фермер*', 'аграр*'], ['agricol*', 'agricultur*', 'agriculteur*', 'exploitation* agricole*']],
    ['crops', ['crop*', 'harvest*', 'seed*', 'planting', 'cereal*', 'maize', 'wheat', 'rice', 'irrigat*'], ['урожа*', 'посев*', 'семен*', 'пшениц*', 'зерн*', 'орошени*'], ['recolte*', 'semence*', 'culture* vivrier*', 'cereale*', 'ble', 'riz', 'irrigation']],
    ['livestock', ['livestock', 'cattle', 'pastoral*', 'herder*', 'veterinar*', 'animal health', 'fodder', 'locust*', 'fishing', 'fisher*'], ['скот*', 'животновод*', 'пастбищ*', 'ветеринар*', 'саранч*'], ['betail', 'elevage', 'pastoral*', 'eleveur*', 'veterinaire*', 'criquet*', 'peche']],
    ['rural', ['rural livelihood*', 'livelihood*', 'fao', 'food and agriculture organization', 'land degradation', 'pasture*'], ['средств* к существованию', 'фао', 'сельск* район*'], ['moyens d existence', 'fao', 'milieu rural']],
  ],
  'climate-environment': [
    ['climate', ['climate change', 'climate', 'global warming', 'greenhouse', 'emission*', 'carbon', 'climatic'], ['изменени* климат*', 'климат*', 'парников*', 'выброс*'], ['changement* climatique*', 'climat*', 'rechauffement', 'emission*', 'carbone']],
    ['environment', ['environment*', 'ecosystem*', 'biodiversity', 'pollution', 'polluted', 'deforestation', 'desertification', 'conservation', 'unep', 'ecolog*', 'sustainab*', 'glacier*'], ['окружающ* сред*', 'экологи*', 'загрязнени*', 'биоразнообрази*', 'ледник*', 'опустынивани*', 'устойчив* развити*'], ['environnement*', 'ecosysteme*', 'biodiversite', 'pollution', 'deforestation', 'desertification', 'glacier*', 'durable*']],
    ['drought', ['drought*', 'el nino', 'la nina', 'water scarcity', 'extreme weather', 'dry spell*'], ['засух*', 'нехватк* вод*'], ['secheresse*', 'el nino', 'penurie d eau']],
  ],
  contributions: [
    ['pledge', ['pledge*', 'donat*', 'contribution*', 'contributed', 'contributes', 'in-kind', 'in kind', 'donor conference', 'pledging conference', 'announced a contribution', 'will contribute'], ['взнос*', 'пожертвовани*', 'передал*', 'безвозмездн*'], ['contribution*', 'don', 'dons', 'promesse* de don*', 'annonce* de contribution*']],
    ['funding-from', ['funded by', 'funding from', 'grant*', 'donor*', 'generous support', 'thanks to the support', 'provided funding', 'financial support', '~usd', '~euro', '~euros'], ['при финансовой поддержке', 'финансовой поддержке', 'донор*', 'грант*', '~млн', '~долларов'], ['finance par', 'financement de', 'bailleur*', 'subvention*', 'millions']],
    ['handover', ['handed over', 'hand over', 'handover', 'delivered', '~equipment', 'provided with'], ['передал*', '~переда*', '~оборудовани*'], ['remis', 'remise', 'equipement*']],
  ],
  coordination: [
    ['cluster', ['cluster*', 'inter-agency', 'interagency', 'humanitarian country team', 'ocha', 'humanitarian coordinator', 'working group*', 'inter-cluster', 'cluster lead', 'co-lead*', 'focal point*'], ['координац*', 'кластер*', 'межведомствен*', 'рабоч* групп*'], ['coordination', 'cluster*', 'interinstitution*', 'ocha', 'groupe* de travail']],
    ['coordinate', ['coordinat*', 'coordination meeting*', 'coordination mechanism*', 'joint response', 'information sharing', 'information management', 'mapping', 'who does what'], ['координац*', 'координир*'], ['coordination', 'coordonn*']],
    ['responders', ['humanitarian partner*', '~partners', 'response plan', 'needs assessment*', '~assessment*', '3W', 'situation report', 'sitrep', 'humanitarian response', 'humanitarian situation', 'humanitarian need*', 'humanitarian access'], ['гуманитарн* партнер*', 'оценк* потребност*', 'гуманитарн* реагировани*'], ['partenaires humanitaires', 'evaluation* des besoins', 'reponse humanitaire', 'acces humanitaire']],
  ],
  'disaster-management': [
    ['hazards', ['earthquake*', 'flood*', 'cyclone*', 'typhoon*', 'hurricane*', 'landslide*', 'mudflow*', 'tsunami*', 'storm*', 'avalanche*', 'tropical depression', 'volcan*', 'natural disaster*', 'natural hazard*', 'disaster*', 'heavy rain*', 'monsoon', 'el nino'], ['землетрясени*', 'наводнени*', 'паводк*', 'селев*', 'сели', 'оползн*', 'стихийн* бедстви*', 'бедстви*', 'ураган*', 'лавин*', 'чрезвычайн* ситуаци*'], ['seisme*', 'tremblement* de terre', 'inondation*', 'cyclone*', 'ouragan*', 'glissement* de terrain', 'catastrophe* naturelle*', 'catastrophe*', 'tempete*']],
    ['drr', ['disaster risk reduction', 'drr', 'preparedness', 'early warning system*', 'contingency plan*', 'resilience', 'evacuat*', 'emergency response', 'search and rescue', 'relief', 'affected famil*', 'affected people', 'affected population*', 'displaced by', 'ndrrmc', 'dromic', 'emergency situations'], ['снижени* риск* бедстви*', 'готовност*', 'раннего оповещени*', 'эвакуац*', 'спасател*', 'мчс', '~пострадавш*', 'ликвидаци* последстви*'], ['reduction des risques', 'preparation', 'alerte precoce', 'evacu*', 'secours', 'sinistre*', 'personnes affectees', 'resilience']],
  ],
  education: [
    ['school', ['school*', 'classroom*', 'teacher*', 'student*', 'pupil*', 'kindergarten*', 'schoolchildren', 'out-of-school', 'school-age', 'temporary learning spaces'], ['школ*', 'учител*', 'учащи*', 'студент*', 'детск* сад*', 'школьник*'], ['ecole*', 'enseignant*', 'eleve*', 'etudiant*', 'scolair*', 'scolarisation']],
    ['education', ['education*', 'educational', 'learning', 'learners', 'literacy', 'universit*', 'curricul*', 'enrol*', 'girls education', 'scholarship*', 'unesco', 'education cluster', 'textbooks', 'school supplies'], ['образовани*', 'обучени*', 'учебн*', 'университет*', 'юнеско', 'грамотност*'], ['education', 'apprentissage', 'alphabetisation', 'universit*', 'unesco', 'manuels scolaires']],
  ],
  'food-nutrition': [
    ['food-assistance', ['food assistance', 'food aid', 'food ration*', 'food basket*', 'food distribution*', 'wfp', 'world food programme', 'meals', 'school feeding', 'school meals', 'food parcels', 'food vouchers', 'cash transfers', 'cash assistance', 'in-kind food'], ['продовольственн* помощ*', 'мвп', 'всемирн* продовольственн* программ*', 'школьн* питани*', 'продуктов* набор*'], ['aide alimentaire', 'PAM', 'programme alimentaire mondial', 'vivres', 'cantine* scolaire*', 'distribution* alimentaire*']],
    ['food-security', ['food security', 'food insecurity', 'food insecure', 'hunger', 'famine', 'food price*', 'IPC', '~food', 'acutely food insecure', 'crisis levels', 'emergency levels', 'food consumption', 'market prices', 'staple*'], ['продовольственн* безопасност*', 'продовольств*', 'голод*', 'питани*', 'продукт* питани*'], ['securite alimentaire', 'insecurite alimentaire', 'faim', 'famine', 'alimentaire*', 'alimentation']],
    ['nutrition', ['nutrition*', 'malnutrition', 'malnourish*', 'undernourish*', 'wasting', 'stunting', 'SAM', 'MAM', 'therapeutic feeding', 'rutf', 'micronutrient*', 'breastfeed*', 'feeding'], ['недоедани*', 'истощени*', 'задержк* рост*', 'микронутриент*'], ['malnutrition', 'nutritionnel*', 'malnutris', 'emaciation', 'retard de croissance']],
  ],
  gender: [
    ['gender', ['gender*', 'women', 'woman', 'girls', 'gender-based violence', 'gbv', 'sexual violence', 'sexual and gender-based', 'female', 'equality', 'empowerment', 'un women', 'domestic violence', 'early marriage', 'child marriage', 'fgm', 'maternal'], ['гендер*', 'женщин*', 'девочек', 'девочк*', 'равенств*', 'насили* в семье', 'домашн* насили*', 'сексуальн* насили*'], ['genre', 'femme*', 'fille*', 'egalite', 'violences sexistes', 'violence* sexuelle*', 'autonomisation', 'onu femmes', 'mariage* precoce*']],
  ],
  health: [
    ['health-services', ['health*', 'health care', 'health services', 'health facilit*', 'primary health', 'medical', 'medicine*', 'hospital*', 'clinic*', 'doctor*', 'nurse*', 'patient*', 'WHO', 'world health organization', 'mental health', 'psychosocial', 'reproductive health', 'maternal health', 'injured', 'trauma', 'surgical', 'mobile health', 'health workers', 'midwi*'], ['здравоохранени*', 'здоров*', 'медицин*', 'больниц*', 'врач*', 'пациент*', 'ВОЗ', 'медпункт*'], ['sante', 'sanitaire*', 'medical*', 'medicaux', 'hopita*', 'medecin*', 'patient*', 'OMS', 'soins']],
    ['epidemics', ['vaccin*', 'immuni*', 'disease*', 'epidemic*', 'outbreak*', 'cholera', 'measles', 'malaria', 'polio', 'covid*', 'coronavirus', 'pandemic', 'ebola', 'tuberculosis', 'diarrh*', 'case fatality', 'dengue', 'suspected cases', 'confirmed cases', 'infection*', 'meningitis', 'yellow fever', 'zika', 'influenza'], ['вакцин*', 'эпидеми*', 'заболевани*', 'вспышк*', 'холер*', 'корь', 'пандеми*', 'туберкулез*', 'инфекц*', 'коронавирус*'], ['vaccin*', 'epidemie*', 'maladie*', 'cholera', 'rougeole', 'paludisme', 'pandemie', 'flambee*', 'infection*']],
  ],
  'hiv-aids': [
    ['hiv', ['hiv', 'aids', 'hiv/aids', 'antiretroviral*', 'ART', 'unaids', 'pmtct', 'people living with hiv', 'plhiv', 'sexually transmitted'], ['вич', 'спид', 'антиретровирусн*', 'юнэйдс'], ['vih', 'sida', 'antiretrovira*', 'onusida']],
  ],
  'humanitarian-financing': [
    ['appeal', ['appeal*', 'flash appeal', 'humanitarian response plan', 'funding gap*', 'funding shortfall*', 'underfunded', '~funded', '~funding', '~requirements', 'cerf', 'central emergency response fund', 'pooled fund*', 'country-based pooled', 'financial tracking', 'US$', '~allocation*', '~allocated', '~million', '~billion', '~requested'], ['призыв*', 'гуманитарн* призыв*', 'нехватк* финансировани*', '~финансировани*', 'цеф', 'центральн* фонд* реагировани*', '~млн', '~миллион*'], ['appel* de fonds', 'appel eclair', 'deficit de financement', '~financement*', 'cerf', 'fonds commun*', '~millions', '~dollars']],
  ],
  'logistics-telecom': [
    ['logistics', ['logistic*', 'supply chain*', 'warehouse*', 'storage', 'shipment*', 'unhas', '~delivery', '~delivered', 'dispatched', 'logistics cluster', 'pipeline', 'procurement', 'prepositioned', 'pre-positioned', 'stock*'], ['логистик*', 'склад*', 'поставк*', 'доставк*'], ['logistique*', 'entrepot*', 'approvisionnement*', 'acheminement', 'stocks']],
    ['transport', ['transport*', 'truck*', 'convoy*', 'airlift*', 'air drop*', 'airport*', 'fuel', 'road* access', 'roads', 'bridge*', 'port', '~route*', 'flights', 'helicopter*', 'vehicles', 'inaccessible', 'road closure*', 'blocked roads', 'cut off'], ['транспорт*', 'грузовик*', 'топлив*', 'дорог*', 'мост*', 'аэропорт*', 'вертолет*'], ['transport*', 'camion*', 'convoi*', 'carburant', 'route*', 'pont*', 'aeroport*', 'vols', 'helicoptere*']],
    ['telecom', ['telecommunication*', 'telecom*', 'connectivity', 'internet', 'mobile network*', 'radio', 'satellite', 'emergency telecommunications cluster', 'communication* network*', 'power outage*', 'electricity'], ['телекоммуникац*', 'интернет*'], ['telecommunication*', 'connectivite', 'internet', 'reseau* mobile*']],
  ],
  'mine-action': [
    ['mines', ['landmine*', 'land mine*', 'mine action', 'mine clearance', 'demining', 'de-mining', 'mine risk', 'unexploded', 'UXO', 'explosive remnants', 'ERW', 'explosive ordnance', 'EOD', 'cluster munition*', 'minefield*', 'mined area*', 'mine victims', 'mine-affected', 'unmas', 'IED', 'IEDs', 'improvised explosive', 'mines', '~mine', '~clearance', 'contaminat*', 'humanitarian demining', 'survivors'], ['мины', 'мин', 'минами', 'минах', 'минн*', 'разминировани*', 'противопехотн*', 'взрывоопасн* пережитк*', 'неразорвавш*', 'минн* опасност*', 'саперн*', 'минн* пол*'], ['mine* antipersonnel*', 'deminage', 'action antimines', 'restes explosifs', 'engin* explosif*', 'munition* non explosee*', 'engins explosifs improvises']],
  ],
  'peacekeeping-peacebuilding': [
    ['peacekeeping', ['peacekeep*', 'peace operation*', 'peace support', 'blue helmet*', 'minusma', 'monusco', 'unmiss', 'minusca', 'unifil', 'unmik', 'force commander', 'troop contributing', '~mission', 'ceasefire', 'cease-fire', 'armistice', 'disarmament demobilization', 'DDR', 'demobiliz*', 'reintegration of ex-combatants', 'ex-combatant*', 'combatants'], ['миротвор*', 'миротворческ* операци*', 'прекращени* огня', 'перемири*'], ['maintien de la paix', 'casques bleus', 'operation* de paix', 'cessez-le-feu', 'demobilisation', 'ex-combattants', 'minusma', 'monusco', 'minusca']],
    ['peacebuilding', ['peacebuilding', 'peace-building', 'peace building', 'peace process*', 'peace agreement*', 'peace accord*', 'peace talks', 'peace deal', 'reconciliation', '~peace', 'post-conflict', 'sustaining peace', 'peacebuilding fund', 'social cohesion', 'transitional justice', 'truth commission', 'peace consolidation'], ['миростроительств*', 'мирн* процесс*', 'мирн* соглашени*', 'примирени*', 'постконфликтн*'], ['consolidation de la paix', 'processus de paix', 'accord* de paix', 'reconciliation', '~paix', 'cohesion sociale', 'justice transitionnelle']],
  ],
  'protection-human-rights': [
    ['human-rights', ['human rights', 'human right', '~rights', 'ohchr', 'high commissioner for human rights', 'civil liberties', 'freedom of expression', 'freedom of assembly', 'torture', 'arbitrary detention', '~detained', 'detention', 'detainees', 'enforced disappearance*', 'extrajudicial', 'impunity', 'accountability', 'violations', 'abuses', 'human rights defenders', 'journalists', 'discrimination', 'minorit*', 'special rapporteur'], ['прав* человек*', 'правозащит*', 'пытк*', 'пыток', 'задержани*', 'нарушени*', 'дискриминац*', '~свобод*', 'безнаказанност*', 'уукпч', 'верховн* комиссар* по правам человека'], ['droits de l homme', 'droits humains', 'droits de la personne', 'torture', 'detention arbitraire', 'detention', 'violations', 'impunite', 'discrimination', 'liberte* fondamentale*', 'defenseurs des droits']],
    ['protection', ['protection of civilians', '~protection', 'civilian casualties', 'civilians', '~civilian', 'international humanitarian law', 'humanitarian law', 'refugee*', 'asylum', 'displaced', 'idp*', 'internally displaced', 'returnee*', 'repatriat*', 'child protection', 'unaccompanied', 'stateless*', 'unhcr', 'forced return*', 'deport*', 'non-refoulement', 'trafficking in persons', 'child soldiers', 'recruitment of children', 'grave violations', 'killed and injured', 'casualties'], ['защит* гражданск*', 'гражданск* населени*', 'мирн* жител*', 'беженц*', 'убежищ*', 'перемещенн* лиц*', 'вынужденно перемещенн*', 'репатриац*', 'защит* дет*', 'увкб', 'международн* гуманитарн* прав*', 'возвращени*'], ['protection des civils', '~protection', 'civils', 'victimes civiles', 'droit international humanitaire', 'refugie*', 'asile', 'deplace*', 'rapatri*', 'protection de l enfance', 'HCR', 'apatride*']],
  ],
  'recovery-reconstruction': [
    ['recovery', ['recovery', 'early recovery', 'livelihood* recovery', 'cash for work', 'resilience building', 'post-disaster', 'post-conflict recovery', 'recovery plan*', 'recovery needs', 'return to normal', 'resume', 'resumption'], ['восстановлени*', 'восстанов*', 'возобновлени*'], ['relevement', 'redressement', 'reprise']],
    ['reconstruction', ['reconstruction', 'rebuild*', 'rehabilitat*', 'restor*', 'repair*', 'reconstruct*', 'retrofitt*', 'damaged infrastructure', 'damage*', 'destroyed', 'debris', 'rubble'], ['реконструкц*', 'ремонт*', 'реабилитац*', 'разрушени*', 'ущерб*'], ['reconstruction', 'reconstruire', 'rehabilitation', 'remise en etat', 'degats', 'detruit*', 'dommages']],
    ['development', ['long-term development', '~development', '~infrastructure', 'development programme', 'undp', 'sustainable development', 'world bank'], ['~инфраструктур*', '~развити*', 'пркон', 'всемирн* банк*'], ['~infrastructure*', '~developpement', 'pnud', 'banque mondiale']],
  ],
  'safety-security': [
    ['insecurity', ['insecurity', 'security situation', 'security incident*', '~security', 'attack*', 'armed group*', 'armed attack*', 'violence', 'violent', 'clash*', 'fighting', 'hostilit*', 'gunmen', 'shelling', 'airstrike*', 'air strike*', 'bomb*', 'explosion*', 'killed', 'abduct*', 'kidnap*', 'looting', 'crime', 'criminal*', 'curfew', 'unrest', 'tensions', '~conflict', 'armed conflict', '~military', 'insurgen*', 'militant*', 'suicide', 'attacks on aid workers', 'aid worker*', 'humanitarian worker*', 'staff safety', 'safety and security', 'undss'], ['~безопасност*', 'нападени*', 'атак*', 'вооруженн* групп*', 'вооруженн* конфликт*', 'насили*', 'столкновени*', 'обстрел*', 'взрыв*', 'убит*', 'похищени*', 'инцидент*', 'напряженност*', 'военн*', 'боев*'], ['insecurite', '~securite', 'attaque*', 'groupe* arme*', 'violence*', 'affrontement*', 'combats', 'bombardement*', 'explosion*', 'tue*', 'enlevement*', 'incident*', 'tension*', 'conflit*', 'militaire*', 'putsch', 'coup d etat']],
  ],
  'shelter-nfi': [
    ['shelter', ['shelter*', 'tent', 'tents', 'tarpaulin*', 'non-food item*', 'nfi*', 'household item*', 'blanket*', 'kitchen set*', 'hygiene kit*', 'mattress*', 'sleeping mat*', 'winterization', 'winterisation', 'housing', 'houses', 'homes', 'damaged houses', 'destroyed houses', 'evacuation centre*', 'evacuation center*', 'collective centre*', 'camp', 'camps', 'displacement site*', 'makeshift', 'heating', 'stoves', 'CCCM', 'roof*', 'shelter kit*'], ['жиль*', 'убежищ*', 'палатк*', 'одеял*', 'непродовольственн*', 'дома', 'домов', 'домах', 'разрушен* дом*', 'временн* размещени*', 'лагер*', 'отоплени*'], ['abri*', 'tente', 'tentes', 'bache*', 'articles non alimentaires', 'couverture*', 'kit* de cuisine', 'logement*', 'maisons', 'camp', 'camps', 'centre* d hebergement']],
  ],
  wash: [
    ['water', ['drinking water', 'safe water', 'clean water', 'water supply', 'water trucking', 'borehole*', 'wells', 'water point*', 'water system*', 'chlorin*', 'water treatment', 'potable', 'water tanks', 'jerry cans', 'water purification', 'litres of water', 'liters of water'], ['питьев* вод*', 'водоснабжени*', 'вода', 'воды', 'воде', 'воду', 'водой', 'скважин*', 'колод*'], ['eau potable', 'eau', 'approvisionnement en eau', 'forage*', 'puits', 'point* d eau', 'chloration']],
    ['water-generic', ['~water'], ['~вода', '~воды'], ['~eau']],
    ['sanitation', ['sanitation', 'latrine*', 'toilet*', 'hygiene', 'hygienic', 'handwashing', 'hand washing', 'soap', 'wash', 'open defecation', 'sewage', 'wastewater', 'waste management', 'solid waste', 'water, sanitation'], ['санитари*', 'гигиен*', 'туалет*', 'канализац*', 'мыло', 'мыла'], ['assainissement', 'latrine*', 'hygiene', 'lavage des mains', 'savon', 'EHA', 'defecation']],
  ],
  'border-management': [
    ['border', ['border', 'borders', 'border security', 'border management', 'border control', 'border guard*', 'border troops', 'border police', 'border service*', 'border crossing*', 'border post*', 'border outpost*', 'border area*', 'frontier*', 'cross-border', 'crossing point*', 'checkpoint*', 'boundary', 'bcp*', 'bomca', 'border liaison'], ['границ*', 'пограничн*', 'погранич*', 'пограничник*', 'пункт* пропуска', 'трансграничн*', 'приграничн*'], ['frontiere*', 'frontalier*', 'transfrontali*', 'garde* frontiere*', 'poste* frontiere*', 'gestion des frontieres', 'securite des frontieres', 'point* de passage']],
    ['customs', ['customs', 'immigration', 'migration management', 'travel document*', 'passport*', 'visa*', 'irregular migration', 'migrants', 'migrant', 'movement of people', 'movement of goods', 'iom', 'integrated border'], ['таможн*', 'миграц*', 'мигрант*', 'паспорт*', 'виза', 'визы', 'визов*'], ['douane*', 'douanier*', 'immigration', 'migration*', 'migrant*', 'passeport*', 'visa*', 'oim']],
  ],
  'counter-terrorism': [
    ['terrorism', ['terroris*', 'counter-terrorism', 'counterterrorism', 'counter terrorism', 'unoct', 'CTC', 'cted', 'foreign terrorist fighters', 'ftf*', 'terrorist financing', 'isil', 'isis', 'da esh', 'daesh', 'al-qaida', 'al qaida', 'al-qaeda', 'al qaeda', 'boko haram', 'al-shabaab', 'jihadi*', 'jnim', 'islamic state'], ['террор*', 'контртеррор*', 'антитеррор*', 'иностранн* боевик*', 'игил', 'даиш', 'аль-каид*'], ['terroris*', 'antiterroris*', 'combattants terroristes etrangers', 'djihadi*', 'jihadi*', 'etat islamique', 'boko haram', 'al-qaida']],
    ['extremism', ['violent extremism', 'extremis*', 'radicali*', 'preventing violent extremism', 'pve', 'cve', 'deradicali*', 'rehabilitation and reintegration', 'repatriation', 'returnees from syria', 'returned from syria', 'foreign fighters'], ['экстремизм*', 'экстремист*', 'радикализац*', 'дерадикализац*', 'насильственн* экстремизм*', 'реинтеграц*'], ['extremisme violent', 'extremis*', 'radicalisation', 'deradicalisation', 'prevention de l extremisme']],
  ],
  'preventive-diplomacy': [
    ['diplomacy', ['preventive diplomacy', 'diplomacy', 'diplomatic', 'mediation', 'mediator*', 'good offices', 'special envoy', 'envoy', '~special representative', 'dialogue', 'confidence building', 'confidence-building', 'trust building', 'conflict prevention', 'prevention of conflict', 'early warning', 'de-escalation', 'negotiat*', 'talks', '~consultation*', 'unrcca', 'political mission', 'co-chairs', 'tensions', 'incident prevention', 'political solution', 'political process', 'political settlement', 'briefed the security council', '~security council'], ['превентивн* дипломат*', 'дипломат*', 'посредничеств*', 'посредник*', 'диалог*', 'мер* доверия', 'доверия', 'предотвращени* конфликт*', 'раннего предупреждени*', 'переговор*', 'консультац*', 'рццаа', 'специальн* представител*', 'спецпосланник*', '~совет* безопасности'], ['diplomatie preventive', 'diplomati*', 'mediation', 'mediateur*', 'bons offices', 'envoye special', 'representant special', 'dialogue', 'mesures de confiance', 'confiance', 'prevention des conflits', 'alerte precoce', 'negociation*', 'pourparlers', 'conseil de securite']],
  ],
  'drugs-organized-crime': [
    ['drugs', ['drug*', 'narcotic*', 'heroin', 'opium', 'opiates', 'cocaine', 'hashish', 'cannabis', 'methamphetamine', 'precursor*', 'drug trafficking', 'drug control', 'seizure*', 'seized', 'smuggl*', 'unodc', 'poppy', 'couriers'], ['наркот*', 'героин*', 'опий*', 'опиат*', 'кокаин*', 'гашиш*', 'прекурсор*', 'наркоторгов*', 'изъят*', 'изъял*', 'контрабанд*', 'унп оон', 'мака', 'маков*'], ['drogue*', 'stupefiant*', 'heroine', 'cocaine', 'cannabis', 'trafic de drogue*', 'saisie*', 'contrebande', 'onudc', 'narcotrafi*']],
    ['crime', ['organized crime', 'organised crime', 'transnational crime', 'criminal network*', 'criminal group*', 'money laundering', 'human trafficking', 'trafficking in persons', 'trafficking', 'traffickers', 'migrant smuggling', 'illicit', 'corruption', 'law enforcement', 'police', '~investigation*', 'arrested', 'prosecut*'], ['организованн* преступност*', 'транснациональн* преступност*', 'преступн* групп*', 'преступн*', 'отмывани*', 'торговл* людьми', 'торговл*', 'незаконн*', 'правоохранительн*', 'задержал*', 'задержан*', 'арестовал*'], ['criminalite organisee', 'crime organise', 'reseau* criminel*', 'blanchiment', 'traite des etres humains', 'trafic*', 'illicite*', 'forces de l ordre', 'police']],
  ],
  'arms-control': [
    ['arms', ['arms control', 'disarmament', 'small arms', 'light weapons', 'salw', 'weapons', 'arms', 'arms trade', 'non-proliferation', 'nonproliferation', 'nuclear', 'chemical weapons', 'biological weapons', 'ammunition', 'stockpile*', 'weapons of mass destruction', 'WMD', 'resolution 1540', 'unoda', 'NPT', 'opcw', 'iaea', 'firearms', 'illicit trafficking of weapons'], ['разоружени*', 'контрол* над вооружени*', 'стрелков* оружи*', 'оружи*', 'вооружени*', 'нераспространени*', 'ядерн*', 'химическ* оружи*', 'боеприпас*'], ['desarmement', 'maitrise des armements', 'armes legeres', 'armes', 'non-proliferation', 'nucleaire*', 'armes chimiques', 'munitions']],
  ],
  'elections-governance': [
    ['elections', ['election*', 'electoral', 'vote*', 'voting', 'voters', 'ballot*', 'polling', 'referendum', 'candidate*', 'presidential', 'parliamentary', 'legislative', 'campaign', 'electoral commission', 'observ* mission', 'turnout'], ['выбор*', 'избирательн*', 'голосовани*', 'избирател*', 'референдум*', 'кандидат*', 'президентск*', 'парламентск*', 'ЦИК'], ['election*', 'electora*', 'scrutin*', 'vote*', 'electeur*', 'referendum', 'candidat*', 'presidentiel*', 'legislatives', 'presidentielle*']],
    ['governance', ['governance', 'good governance', 'rule of law', 'constitution*', 'democra*', 'parliament*', 'judicial', 'judiciary', 'justice sector', 'legal reform', 'anti-corruption', 'corruption', 'transparency', 'accountability', '~institution*', 'civil service', 'public administration', 'decentrali*', 'legislation', '~reform*', 'political transition', '~transition'], ['государственн* управлени*', 'надлежащ* управлени*', 'эффективн* управлени*', 'верховенств* закон*', 'конституц*', 'демократ*', 'парламент*', 'судебн*', 'коррупц*', 'антикоррупц*', 'прозрачност*', 'реформ*', 'законодательств*', 'государственн* служб*'], ['gouvernance', 'etat de droit', 'constitution*', 'democrati*', 'parlement*', 'judiciaire', 'corruption', 'transparence', 'institutions', 'reforme*', 'transition']],
  ],
  'transboundary-water-energy': [
    ['water-basins', ['transboundary water*', 'transboundary', 'shared water*', 'water resources', 'water management', 'water cooperation', 'water-energy', 'water and energy', 'river basin*', 'basin', 'basins', 'aral sea', 'amu darya', 'syr darya', 'amudarya', 'syrdarya', 'rivers', 'ifas', 'irrigation', 'reservoir*', 'dam', 'dams', 'water sharing', 'water allocation', 'upstream', 'downstream'], ['трансграничн* вод*', 'водн* ресурс*', 'водн*', 'бассейн*', 'аральск* мор*', 'арал*', 'амударь*', 'сырдарь*', 'мфса', 'водохранилищ*', 'плотин*', '~река', '~реки', 'рек', '~реке'], ['eaux transfrontieres', 'ressources en eau', 'gestion de l eau', 'bassin*', 'mer d aral', 'fleuve*', 'barrage*']],
    ['energy', ['hydropower', 'hydroelectric', 'hydro power', '~energy', '~electricity', 'power plant*', 'power line*', 'casa-1000', 'casa 1000', 'rogun', 'energy cooperation', 'energy security', 'renewable*', 'gas pipeline*', 'pipeline*', 'power grid'], ['гидроэнерг*', 'гэс', 'энерг*', 'электроэнерг*', 'электричеств*', 'рогун*', 'трубопровод*', 'лэп'], ['hydroelectri*', 'energie*', 'energetique*', 'electricite', 'centrale*', 'gazoduc*', 'renouvelable*']],
  ],
  'regional-cooperation': [
    ['regional', ['regional cooperation', 'regional integration', 'regional connectivity', '~regional', 'regional security', '~cooperation', 'connectivity', 'summit', 'consultative meeting', 'heads of state', 'multilateral', 'bilateral', 'neighbouring countries', 'neighboring countries', '~region', 'central asian states', '~joint', '~partnership'], ['региональн* сотрудничеств*', '~региональн*', '~сотрудничеств*', 'саммит*', 'консультативн* встреч*', 'глав* государств', 'многосторонн*', 'двусторонн*', 'соседн*', '~регион*', '~партнерств*'], ['cooperation regionale', 'integration regionale', '~regional*', '~cooperation', 'sommet*', 'chefs d etat', 'multilateral*', 'bilateral*', 'pays voisins', '~region', 'sous-region', '~partenariat*']],
    ['trade', ['trade', 'economic cooperation', 'transport corridor*', 'transit', 'railway*', 'rail', 'investment*', '~economic', '~market*', 'export*', 'import', 'imports', 'imported', 'importation*', 'connectivity projects', 'transport links', 'infrastructure projects'], ['торгов*', '~экономическ*', 'транспортн* коридор*', 'транзит*', 'железн* дорог*', 'инвестиц*', 'экспорт*', 'импорт*'], ['commerce', 'commercia*', '~economique*', 'corridor*', 'transit', 'chemin* de fer', 'investissement*', 'exportation*', 'importation*']],
  ],
};


/**
 * Second layer of the lexicon: UN / ReliefWeb vocabulary for each theme, from the taxonomy's
 * "covers" descriptions and the usual wording of situation reports, appeals and press releases.
 * Kept as separate concepts so the learned model can weigh them apart from the seeds.
 */
const MORE: Record<ThemeId, Seed[]> = {
  agriculture: [
    ['inputs', ['agricultural input*', 'farming tools', 'fertili*', 'food production', 'poultry', 'goats', 'sheep', 'vegetable*', 'kitchen garden*', 'planting season', 'agricultural season', 'growing season', 'crop production', 'crop losses', 'livestock losses', 'farmland', 'arable', 'agro*', 'smallholder*', 'fisheries', 'animal feed'], ['удобрени*', 'земледели*', 'птицевод*', 'овощ*', 'посевн*', 'сельскохозяйственн*', 'скотовод*', 'фермерск* хозяйств*'], ['intrants agricoles', 'semis', 'maraich*', 'engrais', 'campagne agricole', 'production agricole', 'petits exploitants', 'peche']],
  ],
  'climate-environment': [
    ['adaptation', ['climate adaptation', 'adaptation', 'mitigation', 'paris agreement', 'unfccc', 'cop2*', 'climate resilience', 'climate-resilient', 'climate-related', 'sea level*', 'temperature*', 'forest*', 'natural resources', 'environmental', 'air quality', 'low-carbon', 'climate finance', 'green climate fund', 'melting', 'environmental degradation'], ['адаптаци* к изменени* климат*', 'парижск* соглашени*', 'лес*', 'природн* ресурс*', 'экологическ*', 'таяни*', 'температур*'], ['adaptation', 'attenuation', 'accord de paris', 'foret*', 'ressources naturelles', 'environnemental*', 'temperature*']],
  ],
  contributions: [
    ['donors', ['donated', 'donation*', 'provided by the government of', 'thanks to funding', 'with funding from', 'with support from', 'with the support of', 'financed by', 'funded', 'contribution from', 'usaid', 'echo', 'european commission', 'dfid', 'government of japan', 'people of japan', 'from the government of', 'generous contribution*', 'new funding', 'additional funding', 'announced', 'committed', 'allocat*'], ['при поддержке', 'выделил*', 'пожертвова*', 'при финансировании', 'финансировани* со стороны', 'правительств* япони*', 'народ* япони*', 'безвозмездн* помощ*', 'передан*'], ['grace au soutien', 'grace au financement', 'finance par', 'don de', 'a fait don', 'contribution de', 'avec l appui de', 'union europeenne']],
  ],
  coordination: [
    ['meetings', ['coordination meeting*', 'partners meeting', 'cluster meeting*', 'humanitarian country team', 'HCT', 'inter-sector', 'intersector', 'sector lead*', 'multi-sector', 'task force', 'common platform', 'coordinated', 'joint assessment*', 'rapid assessment*', 'multi-cluster', 'operational update', 'partners', 'response partners', 'humanitarian actors', 'ngos', 'ingos', 'un agencies'], ['координационн*', 'совещани*', 'межведомственн*', 'партнер*', 'учреждени* оон'], ['reunion* de coordination', 'plateforme', 'cadre de concertation', 'partenaires', 'agences des nations unies', 'acteurs humanitaires']],
  ],
  'disaster-management': [
    ['response', ['disaster response', 'affected areas', 'affected households', 'dref', 'emergency appeal', 'ndma', 'civil protection', 'emergency operations cent*', 'heavy snow*', 'cold wave', 'heatwave', 'heat wave', 'wildfire*', 'forest fire*', 'sendai framework', 'hazard*', 'aftershock*', 'magnitude', 'epicent*', 'rains', 'rainfall', 'torrential', 'flash flood*', 'water levels', 'tropical storm', 'severe weather', 'emergency relief', 'relief items', 'relief operations', 'national society', 'red cross', 'red crescent', 'ifrc'], ['стихи*', 'магнитуд*', 'сильн* дожд*', 'ливн*', 'снегопад*', 'сендайск*', 'чрезвычайн*', 'красн* крест*', 'красн* полумесяц*'], ['intemperies', 'pluies diluviennes', 'pluies torrentielles', 'crue*', 'magnitude', 'protection civile', 'cadre de sendai', 'croix-rouge', 'croissant-rouge', 'zones sinistrees']],
  ],
  education: [
    ['schooling', ['education in emergencies', 'learning materials', 'school kits', 'back to school', 'schooling', 'out of school', 'vocational training', 'tvet', 'school children', 'schoolgirls', 'school attendance', 'school year', 'academic', 'exams', 'examinations', 'early childhood', 'child-friendly spaces', 'learning centres', 'learning centers'], ['образовательн*', 'школьн*', 'уроки', 'уроков', 'учебн* год*', 'профессиональн* обучени*', 'экзамен*'], ['scolarite', 'ecoliers', 'formation professionnelle', 'enseignement', 'annee scolaire', 'examens', 'fournitures scolaires']],
  ],
  'food-nutrition': [
    ['meals', ['school lunch*', 'lunch*', 'hot meals', 'food baskets', 'food packages', 'food kits', 'rations', 'flour', 'wheat flour', 'vegetable oil', 'pulses', 'emergency food', 'ipc phase', 'cadre harmonise', 'food security cluster', 'nutrition cluster', 'mvam', 'fews net', 'lean season', 'cash-based transfers', 'muac', 'acute malnutrition', 'gam', 'food needs', 'food supplies', 'meal*'], ['горяч* питани*', 'обед*', 'мук*', 'продуктов* питани*', 'продукт*', 'питательн*', 'рацион*', 'еды', 'еда', 'пищ*'], ['repas', 'repas chauds', 'cantines', 'farine', 'huile vegetale', 'soudure', 'rations', 'nourriture', 'denrees']],
  ],
  gender: [
    ['women', ['women and girls', 'unfpa', 'female-headed', 'women-headed', 'womens participation', 'women peace and security', 'resolution 1325', 'dignity kits', 'sexual exploitation', 'psea', 'women-friendly', 'gender equality', 'mothers', 'pregnant', 'lactating', 'widows', 'women-led', 'femicide', 'sexual abuse'], ['женск*', 'гендерн*', 'мать', 'матери', 'матерей', 'матерям', 'беременн*', 'вдов*'], ['femmes et filles', 'egalite des sexes', 'egalite de genre', 'enceintes', 'allaitantes', 'meres', 'veuves']],
  ],
  health: [
    ['care', ['healthcare', 'diphtheria', 'acute watery', 'AWD', 'mortality', 'epidemiolog*', 'surveillance', 'laborator*', 'health cluster', 'medical supplies', 'medical care', 'medicines', 'essential drugs', 'first aid', 'ambulance*', 'psycholog*', 'physician*', 'msf', 'consultations', 'health cent*', 'health post*', 'mobile clinic*', 'morbidity', 'respiratory', 'antenatal', 'births', 'newborn*', 'neonatal', 'unicef health', 'scabies', 'hepatitis', 'wounded', 'treatment', 'treated', 'disabilit*'], ['медицинск*', 'поликлиник*', 'вакцинац*', 'лекарств*', 'медикамент*', 'скор* помощ*', 'лечени*', 'заболеваемост*', 'смертност*'], ['centre* de sante', 'soins de sante', 'medicaments', 'premiers secours', 'epidemiologique*', 'mortalite', 'traitement*', 'blesses']],
  ],
  'hiv-aids': [
    ['prevention', ['hiv prevention', 'hiv testing', 'STI', 'STIs', 'pepfar', 'global fund', 'condom*', 'key populations', 'viral load', 'hiv-positive', 'art coverage', 'people living with aids'], ['вич-инфекци*', 'вич-инфицированн*', 'глобальн* фонд*'], ['depistage', 'fonds mondial', 'personnes vivant avec le vih']],
  ],
  'humanitarian-financing': [
    ['requirements', ['humanitarian financing', 'humanitarian funding', 'funding requirements', 'funding requirement', 'appeals for', 'appealed for', 'regional refugee response plan', 'refugee response plan', 'joint response plan', 'cbpf', 'financial tracking service', 'fts', 'funded at', 'per cent funded', 'percent funded', 'budget', 'grand bargain', 'multi-year funding', 'financing', 'emergency funds', 'emergency funding', 'response plan', 'fund*', 'unmet', 'shortfall*', 'donor funding', 'to be funded', 'seeks', 'launched'], ['финансировани*', 'долларов сша', 'млн долл*', 'план реагирования', 'призвал* выделить', 'бюджет*', 'средств*', 'фонд*'], ['financement humanitaire', 'plan de reponse', 'besoins de financement', 'millions de dollars', 'budget', 'fonds', 'financements']],
  ],
  'logistics-telecom': [
    ['supplies', ['emergency telecommunications', 'ETC', 'communications', 'cargo', 'tonnes', 'metric tons', 'airlifted', 'fleet', 'access constraints', 'road conditions', 'unhrd', 'humanitarian air service', 'common services', 'cross-border operations', 'shipments', 'supplies', 'relief supplies', 'airstrip*', 'seaport*', 'distribution*', 'deliveries', 'delivered', 'delivery', 'storage capacity', 'mobile storage'], ['перевоз*', 'доставлен*', 'грузов*', 'тонн*', 'связь', 'связи', 'поставк*'], ['fret', 'tonnes', 'livraison*', 'transporteurs', 'telecommunications d urgence', 'stockage', 'acheminement']],
  ],
  'mine-action': [
    ['clearance', ['explosive hazard*', 'explosive devices', 'mine risk education', 'risk education', 'victim assistance', 'ottawa convention', 'mine ban', 'anti-personnel', 'antipersonnel', 'cleared', 'clearance operations', 'deminers', 'battle area clearance', 'non-technical survey', 'technical survey', 'mine survivors', 'halo trust', 'swiss foundation for mine action', 'gichd', 'fsd', 'explosive', 'unexploded ordnance', 'mine/erw', 'contamination'], ['разминирован*', 'сапер*', 'взрывоопасн* предмет*', 'оттавск* конвенци*', 'противопехотн* мин*', 'неразорвавш* боеприпас*'], ['mines terrestres', 'deminage humanitaire', 'demineur*', 'convention d ottawa', 'restes explosifs de guerre', 'antimines', 'engins non explos*']],
  ],
  'peacekeeping-peacebuilding': [
    ['missions', ['peace mission', 'verification mission', 'un mission', 'stabilization', 'stabilisation', 'peaceful coexistence', 'community violence reduction', 'former combatants', 'farc', 'final agreement', 'reintegration', 'peacebuilding commission', 'uniformed personnel', 'police contributing', 'mandate', 'unama', 'unsom', 'unmha', 'unsmil', 'binuh', 'unitams', 'peace and security', 'lasting peace', 'peace efforts'], ['мирн* жизн*', 'бывш* комбатант*', 'миссия оон', 'миротворц*', 'мандат*', 'стабилизац*', 'прочн* мир*'], ['mission de paix', 'reintegration', 'anciens combattants', 'stabilisation', 'mandat', 'paix durable', 'coexistence pacifique']],
  ],
  'protection-human-rights': [
    ['rights', ['rights of the child', 'child rights', 'childrens rights', 'caac', 'children and armed conflict', 'protection cluster', 'protection monitoring', 'legal assistance', 'civil documentation', 'rights', 'resettlement', 'asylum-seekers', 'asylum seekers', 'host communities', 'displacement', 'forcibly displaced', 'family reunification', 'separated children', 'hate speech', 'death penalty', 'executions', 'political prisoners', 'civic space', 'human rights council', 'universal periodic review', 'UPR', 'ombuds*', 'freedom*', 'victims', 'civilians killed', 'repatriated', 'returned', 'returns', 'women and children', 'nationals', 'protection risks', 'camps in', 'al hol', 'al-hol', 'roj'], ['права', 'правам', 'правах', 'свобод*', '~защит*', 'перемещенн*', 'возвращен*', '~граждан*', 'жертв*'], ['droits', 'refugies', 'deplaces internes', 'retour*', 'reinstallation', 'victimes', 'libertes', 'civils tues']],
  ],
  'recovery-reconstruction': [
    ['rebuilding', ['recovery efforts', 'build back better', 'early recovery cluster', 'cash-for-work', 'restoration', 'rehabilitation of', 'restart*', 'livelihoods', 'recovery and reconstruction', 'post-disaster needs assessment', 'pdna', 'return to their homes', 'reconstruction works', 'infrastructure rehabilitation', 'durable solutions', 'resilience-building'], ['восстановительн*', 'возрождени*', 'восстановлен*', 'отстро*'], ['relance', 'rehabilit*', 'reconstruit*', 'relevement precoce', 'solutions durables']],
  ],
  'safety-security': [
    ['violence', ['security forces', 'army', 'soldiers', 'troops', 'gunfire', 'ambush*', 'casualties', 'deadly', 'hostage*', 'threat*', 'escalation', 'missile*', 'rocket*', 'drone*', 'artillery', 'gang', 'gang-controlled', 'gang-related', 'homicide*', 'murder*', 'security risk*', 'security concerns', 'security incidents', 'fatalities', 'deaths', 'dead', 'injuries', 'explosive weapons', 'strikes', 'offensive', 'armed', 'weapons fire', 'crossfire', 'violent incidents', 'attacked'], ['угроз*', 'ранен*', 'погиб*', 'вооруженн* сил*', 'ракет*', 'беспилотник*', 'жертв*', 'убийств*', 'вооруженн*'], ['blesses', 'morts', 'menace*', 'forces armees', 'soldats', 'embuscade*', 'gangs', 'tirs', 'armee', 'securitaire*', 'attentat*']],
  ],
  'shelter-nfi': [
    ['housing', ['shelter cluster', 'nfi kits', 'emergency shelter', 'transitional shelter', 'rental', 'rent', 'plastic sheeting', 'winter clothes', 'winter kits', 'winter clothing', 'solar lamp*', 'solar lantern*', 'damaged homes', 'partially damaged', 'totally damaged', 'houses destroyed', 'homeless', 'host families', 'settlement*', 'temporary housing', 'dwellings', 'buildings damaged', 'tented', 'caravans', 'household kits', 'cooking sets', 'jerrycans', 'clothing'], ['жилищ*', 'кров*', 'без крова', 'временн* жиль*', 'палаточн*', 'зимн* одежд*', 'домохозяйств*'], ['hebergement', 'sans-abri', 'articles menagers', 'baches', 'habitations', 'maisons detruites', 'kits d abris']],
  ],
  wash: [
    ['hygiene', ['WASH', 'water and sanitation', 'water, sanitation and hygiene', 'hygiene promotion', 'water sources', 'water shortage*', 'water quality', 'sanitation facilities', 'showers', 'hygiene items', 'aquatabs', 'purification tablets', 'water storage', 'water distribution', 'water network*', 'water tanker*', 'bathing', 'desludging', 'handpump*', 'hand pump*', 'safe drinking'], ['водоснабжени*', 'питьев*', 'санитарн*', 'водопровод*', 'гигиеническ*'], ['eau, assainissement', 'WASH', 'hygiene', 'eau potable', 'latrines', 'approvisionnement en eau potable', 'forages']],
  ],
  'border-management': [
    ['state-border', ['state border', 'border crossing points', 'border checkpoints', 'customs officers', 'border delimitation', 'delimitation', 'demarcation', 'enclave*', 'border communities', 'border guard service', 'border dispute*', 'border incident*', 'border issues', 'border regions', 'border districts', 'border with', 'green border', 'border officials', 'border agencies', 'border officers', 'border patrol*'], ['делимитац*', 'демаркац*', 'анклав*', 'таможенник*', 'пограничн* войск*', 'погранвойск*', 'госграниц*', 'государственн* границ*', 'пограничн* служб*', 'пограничн* вопрос*'], ['delimitation', 'demarcation', 'controle aux frontieres', 'enclave*', 'gardes-frontieres', 'postes frontaliers']],
  ],
  'counter-terrorism': [
    ['attacks', ['terrorist attack*', 'suicide bomb*', 'armed terrorist group*', 'jihadist*', 'islamist*', 'ansarul islam', 'isgs', 'iswap', 'isil-k', 'iskp', 'ttp', 'returnees from conflict zones', 'joint plan of action', 'global counter-terrorism strategy', 'terrorist*', 'extremist*', 'violent extremist*', 'terror', 'counter-terrorism strategy', 'prevent violent extremism', 'terrorism financing', 'foreign fighters', 'rehabilitation and reintegration of returnees', 'returnees from iraq', 'returnees from syria', 'conflict zones', 'former fighters', 'mujahid*'], ['террорист*', 'боевик*', 'джихад*', 'экстремистск*', 'совместн* план* действий', 'зон* конфликт*', 'вербовк*', 'радикал*'], ['terroristes', 'djihadistes', 'groupes armes terroristes', 'jnim', 'eigs', 'terroriste*', 'extremistes', 'radicalises']],
  ],
  'preventive-diplomacy': [
    ['mediation', ['regional centre for preventive diplomacy', 'preventive', 'conflict resolution', 'dispute*', 'peaceful settlement', 'political dialogue', 'truce', 'envoy*', 'geneva international discussions', 'incident prevention and response mechanism', 'iprm', 'shuttle diplomacy', 'good-neighbourly', 'good neighbourly', 'constitutional committee', 'intra-afghan', 'negotiated settlement', 'brokered', 'parties to the conflict', 'the parties', 'both sides', 'restraint', 'de-escalate', 'foreign minister*', 'foreign affairs', 'ministry of foreign affairs', 'consultations', 'courtesy call', 'introductory meeting', 'special representative of the secretary-general', 'srsg', 'head of mission', 'bilateral relations', 'secretary-general'], ['рцпдца', 'превентивн*', 'урегулировани*', 'мирн* урегулировани*', 'добрососедск*', 'добрососедств*', 'спецпредставител*', 'министр* иностранн* дел', 'мид', 'генеральн* секретар*', 'перемири*', 'стороны конфликта', 'сдержанност*'], ['reglement pacifique', 'dialogue politique', 'treve', 'envoye*', 'differend*', 'prevention', 'retenue', 'ministre des affaires etrangeres', 'secretaire general', 'representant special du secretaire general', 'bons offices']],
  ],
  'drugs-organized-crime': [
    ['narcotics', ['drug seizures', 'drug control agency', 'drug control service', 'anti-narcotics', 'counter-narcotics', 'counternarcotics', 'trafficking routes', 'kg of', 'kilograms', 'tonnes of', 'synthetic drugs', 'psychoactive', 'methamphetamine', 'tramadol', 'captagon', 'cartel*', 'extortion', 'cybercrime', 'illicit financial flows', 'paris pact', 'caricc', 'container control programme', 'sniffer dog*', 'canine', 'drug couriers', 'narco*', 'traffickers', 'contraband', 'criminal cases', 'criminal case', 'investigators', 'detained', 'confiscated'], ['наркотическ*', 'наркосодержащ*', 'синтетическ*', 'кинологическ*', 'служебн* собак*', 'контрол* наркотик*', 'канал*', 'уголовн* дел*', 'наркокурьер*', 'килограмм*', 'кг', 'психотропн*'], ['stupefiants', 'narcotrafiquants', 'cartel*', 'blanchiment d argent', 'trafiquants', 'criminalite', 'kilogrammes', 'saisi*']],
  ],
  'arms-control': [
    ['weapons', ['weapons collection', 'arms embargo', 'small arms and light weapons', 'arms trade treaty', 'ctbt', 'biological weapons convention', 'bwc', 'nuclear-weapon-free zone', 'nuclear weapon free zone', 'semipalatinsk', 'uranium', 'radioactive', 'cwc', 'weapons and ammunition', 'illicit weapons', 'firearms control', 'arms control', 'disarmament affairs', 'missile technology'], ['зон* свободн* от ядерн* оружи*', 'уран*', 'радиоактивн*', 'огнестрельн* оружи*', 'незаконн* оборот* оружи*'], ['embargo sur les armes', 'traite sur le commerce des armes', 'uranium', 'armes a feu', 'zone exempte d armes nucleaires']],
  ],
  'elections-governance': [
    ['politics', ['observers', 'election observation', 'odihr', 'polling stations', 'early presidential', 'snap election*', 'inauguration', 'sworn in', 'political parties', 'opposition', 'civil society', 'constitutional reform', 'local government*', 'autonomy', 'independence', 'parliament', 'mps', 'lawmakers', 'electoral process', 'electoral calendar', 'results', 'counting', 'constitutional', 'political transition', 'transitional government', 'public institutions', 'state institutions', 'government', 'ministers'], ['наблюдател*', 'бдипч', 'избирательн* участк*', 'досрочн*', 'политическ* парти*', 'оппозиц*', 'гражданск* обществ*', 'подсчет* голос*', 'итог* голосовани*', 'правительств*'], ['observateurs', 'bureaux de vote', 'partis politiques', 'opposition', 'societe civile', 'investiture', 'scrutins', 'gouvernement', 'processus electoral', 'resultats']],
  ],
  'transboundary-water-energy': [
    ['power', ['water-energy nexus', 'electricity transmission', 'transmission line*', 'kv', 'high-voltage', 'power trade', 'electricity exports', 'electricity supply', 'energy ring', 'central asian power system', 'casa', 'tapi', 'natural gas', 'water diplomacy', 'interstate commission for water coordination', 'icwc', 'international fund for saving the aral sea', 'kambarata', 'nurek', 'toktogul', 'vakhsh', 'naryn', 'indus', 'mekong', 'nile', 'gerd', 'water resources management', 'shared rivers', 'power projects', 'energy projects', 'energy sector', 'electricity', 'power sector', 'aral'], ['мкву', 'водно-энергетическ*', 'лини* электропередачи', 'камбарат*', 'нурек*', 'токтогул*', 'вахш*', 'нарын*', 'газопровод*', 'природн* газ*', 'электроэнергетическ*', 'водопользовани*', 'водн* дипломат*'], ['bassin du fleuve', 'ligne* electrique*', 'hydroelectricite', 'nil', 'mekong', 'ressources hydriques', 'barrage*', 'energie']],
  ],
  'regional-cooperation': [
    ['organisations', ['regional economic', 'sco', 'shanghai cooperation organisation', 'shanghai cooperation organization', 'cis', 'eaeu', 'eurasian economic union', 'cica', 'ecowas', 'african union', 'asean', 'saarc', 'carec', 'c5+1', 'central asia plus', 'consultative meeting of the heads of state', 'interstate', 'intergovernmental', 'cross-border trade', 'trans-afghan railway', 'logistics hub*', 'regional organisations', 'regional organizations', 'regional states', 'countries of the region', 'joint declaration', 'declaration', 'memorandum of understanding', 'agreements', 'central asian countries', 'central asian states', 'regional projects', 'regional level', 'regional approach', 'ministerial', 'ministers', 'region-wide'], ['снг', 'шос', 'еаэс', 'свмда', 'межгосударственн*', 'межправительственн*', 'меморандум*', 'центральноазиатск*', 'стран* региона', 'государств* центральной азии', 'стран* центральной азии', 'региональн* уровн*', 'региональн* подход*', 'региональн* проект*', 'декларац*', 'соглашени*'], ['cedeao', 'union africaine', 'integration', 'intergouvernementa*', 'organisations regionales', 'pays de la region', 'pays d asie centrale', 'niveau regional', 'approche regionale', 'projets regionaux', 'declaration', 'accords', 'sous-regional*', 'ministres']],
  ],
};

for (const [theme, seeds] of Object.entries(MORE) as Array<[ThemeId, Seed[]]>) SEEDS[theme].push(...seeds);

/** Every concept, ids stable (theme:slug). */
export const CONCEPTS: readonly Concept[] = Object.entries(SEEDS).flatMap(([theme, seeds]) =>
  seeds.map(([slug, en, ru, fr]) => ({ id: `${theme}:${slug}`, theme: theme as ThemeId, en, ru, fr })),
);

/**
 * Names that contain a theme word but mean something else: matched as the longest phrase, they
 * yield no concept ("Democratic Republic of the Congo" is not about democracy). (French "maïs"
 * is not a crop word at all: without accents it is "mais", but.)
 */
export const NEUTRAL_PHRASES: readonly string[] = [
  'democratic republic', "people's democratic republic", 'democratic people s republic', 'federal democratic republic',
  'republique democratique', 'republique populaire democratique', 'демократическ* республик*', 'народно-демократическ* республик*',
  // a region, not a river basin to share
  'lake chad basin', 'bassin du lac tchad', 'бассейн* озер* чад',
  // "in connection with", not communications
  'в связи с', 'в связи со',
  // English words that French or English prefixes would read as theme words: tué (killed),
  // élève (pupil), fille (girl), scrutin (ballot); Bridgetown (bridge)
  'tuesday', 'eleven', 'filled', 'scrutiny', 'bridgetown',
];

/**
 * Lexicon patterns that name an organisation (an agency, a mission, a regional body). They are
 * evidence that a report is about the organisation's field, but in a title they mostly say who
 * speaks, not what the report is about ("UNRCCA co-organizes the border security conference"),
 * so they do not count as title evidence when the primary theme is chosen. Written as in the
 * lexicon above.
 */
export const ORGANISATION_NAMES: readonly string[] = [
  'fao', 'food and agriculture organization', 'фао', 'unep', 'ocha', 'учреждени* оон', 'ndrrmc', 'dromic', 'мчс',
  'red cross', 'red crescent', 'ifrc', 'unesco', 'юнеско', 'wfp', 'world food programme', 'мвп', 'PAM', 'programme alimentaire mondial',
  'un women', 'onu femmes', 'unfpa', 'WHO', 'world health organization', 'ВОЗ', 'OMS', 'unaids', 'onusida', 'unmas',
  'minusma', 'monusco', 'unmiss', 'minusca', 'unifil', 'unmik', 'unama', 'unsom', 'unmha', 'unsmil', 'binuh', 'unitams', 'миссия оон',
  'ohchr', 'high commissioner for human rights', 'unhcr', 'увкб', 'HCR', 'development programme', 'undp', 'pnud', 'iom',
  'unoct', 'CTC', 'cted', 'unrcca', 'рццаа', 'unodc', 'унп оон', 'onudc', 'drug control agency', 'opcw', 'iaea',
  'international fund for saving the aral sea', 'sco', 'shanghai cooperation organisation', 'shanghai cooperation organization',
  'cis', 'ecowas', 'asean', 'снг', 'шос', 'cedeao',
];
