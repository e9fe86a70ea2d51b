// Data for the password policy (passwordPolicy.ts). Sources: the most frequent entries of the
// public leaked-password corpora (RockYou, the "top 10k" lists, breach statistics of 12+ character
// passwords), reduced to what a 12-character rule still lets through. Most of those are a common
// word or phrase dressed up with digits, symbols or leetspeak ("Password2024!", "P@ssw0rd1234",
// "iloveyou123456"), so BASE_WORDS lists the cores and the policy strips the dressing before
// looking them up; KNOWN lists whole passwords that no rule derives.

/** Cores of common passwords: lower-case letters only, after leetspeak is undone. */
export const BASE_WORDS: readonly string[] = [
  // the classics
  'password', 'passwords', 'passwort', 'passw', 'pass', 'passe', 'motdepasse', 'contrasena', 'senha', 'parola',
  'mypassword', 'thepassword', 'newpassword', 'yourpassword', 'secretpassword', 'strongpassword',
  'securepassword', 'goodpassword', 'bestpassword', 'defaultpassword', 'passwordpassword', 'thisisapassword',
  'thisismypassword', 'thisisnotmypassword', 'passwordispassword', 'passwordone', 'passwordtwo', 'passphrase',
  'iloveyou', 'iloveyoutoo', 'iloveyousomuch', 'iloveyouforever', 'iloveyoubaby', 'iloveme', 'iloveu', 'ilovemymom',
  'ilovemydad', 'ilovemyfamily', 'ilovemyself', 'ilovemydog', 'ilovemycat', 'ilovegod', 'ilovejesus', 'ihateyou',
  'loveyou', 'lovelove', 'lovely', 'loveme', 'lover', 'lovers', 'love', 'mylove', 'truelove', 'foreverlove',
  'welcome', 'welcomehome', 'welcomeback', 'letmein', 'letmeinnow', 'letmeinplease', 'openup', 'opensesame',
  'changeme', 'changeit', 'changethis', 'changepassword', 'default', 'secret', 'topsecret', 'supersecret',
  'trustno', 'trustnoone', 'nopassword', 'nothing', 'whatever', 'forget', 'forgotten', 'forgotmypassword',
  'access', 'accessgranted', 'login', 'logmein', 'signin', 'enter', 'entrance', 'master', 'masterkey',
  'admin', 'administrator', 'administrador', 'adminadmin', 'root', 'rootroot', 'superuser', 'sysadmin', 'system',
  'guest', 'user', 'username', 'test', 'testing', 'tester', 'testtest', 'demo', 'sample', 'example', 'qwerty',
  'qwertyuiop', 'qwertyu', 'qwertz', 'azerty', 'asdf', 'asdfgh', 'asdfghjkl', 'asdfasdf', 'zxcvbn', 'zxcvbnm',
  'qazwsx', 'qazwsxedc', 'qazwsxedcrfv', 'qweasd', 'qweasdzxc', 'abc', 'abcd', 'abcdef', 'abcdefg', 'abcdefgh',
  'abcdefghijkl', 'abcxyz', 'alphabet', 'aaa', 'zzz', 'xxx',
  // sport, pop culture, brands
  'football', 'baseball', 'basketball', 'soccer', 'hockey', 'tennis', 'golf', 'golfer', 'cricket', 'rugby',
  'liverpool', 'chelsea', 'arsenal', 'manchester', 'manchesterunited', 'manutd', 'barcelona', 'realmadrid',
  'juventus', 'yankees', 'cowboys', 'steelers', 'lakers', 'eagles', 'packers', 'redsox', 'dallas', 'raiders',
  'superman', 'batman', 'spiderman', 'ironman', 'starwars', 'startrek', 'pokemon', 'pikachu', 'naruto', 'matrix',
  'harrypotter', 'hogwarts', 'gandalf', 'frodo', 'skywalker', 'darthvader', 'jedi', 'minecraft', 'fortnite',
  'playstation', 'nintendo', 'xbox', 'mercedes', 'ferrari', 'porsche', 'corvette', 'mustang', 'camaro',
  'toyota', 'honda', 'yamaha', 'harley', 'cocacola', 'pepsi', 'google', 'facebook', 'instagram', 'myspace',
  'linkedin', 'twitter', 'youtube', 'microsoft', 'windows', 'apple', 'samsung', 'computer', 'internet', 'blink',
  'metallica', 'slipknot', 'nirvana', 'beatles', 'eminem', 'rockstar', 'rocknroll', 'superstar', 'blessed',
  // animals, things, places, seasons
  'monkey', 'dragon', 'dragons', 'tiger', 'tigers', 'lion', 'eagle', 'falcon', 'panther', 'jaguar', 'dolphin',
  'dolphins', 'shadow', 'sunshine', 'rainbow', 'flower', 'flowers', 'butterfly', 'chocolate', 'cookie', 'cheese',
  'banana', 'orange', 'peaches', 'pepper', 'ginger', 'cherry', 'strawberry', 'coffee', 'summer', 'winter',
  'spring', 'autumn', 'january', 'february', 'december', 'monday', 'friday', 'sunday', 'morning', 'midnight',
  'diamond', 'silver', 'golden', 'crystal', 'purple', 'yellow', 'black', 'blue', 'green', 'freedom',
  'liberty', 'america', 'canada', 'london', 'paris', 'newyork', 'california', 'florida', 'chicago',
  'boston', 'brazil', 'mexico', 'germany', 'france', 'england', 'australia', 'heaven', 'angel', 'angels',
  'princess', 'prince', 'queen', 'king', 'knight', 'warrior', 'soldier', 'hunter', 'killer', 'player', 'winner',
  'champion', 'legend', 'phoenix', 'thunder', 'lightning', 'storm', 'ranger', 'rocket', 'wizard', 'magic',
  'merlin', 'guitar', 'music', 'money', 'dollar', 'bubbles', 'snoopy', 'scooby', 'garfield',
  'mickey', 'mickeymouse', 'hellokitty', 'teddybear', 'sweetheart', 'sweetie', 'babygirl', 'babyboy', 'baby',
  'family', 'friends', 'forever', 'together', 'happy', 'happiness', 'smile', 'sunflower', 'beautiful', 'pretty',
  'cutie', 'princesa', 'jesus', 'jesuschrist', 'christ', 'god', 'godisgood', 'faith', 'hope', 'trinity',
  'hello', 'helloworld', 'hellothere', 'goodbye', 'thankyou', 'please', 'sorry', 'whatsup', 'qwertyqwerty',
  'fuckyou', 'fuckoff', 'asshole', 'bitch', 'sexy', 'hottie', 'horny', 'pussy',
  // first names that lead the lists
  'michael', 'jennifer', 'jordan', 'jessica', 'ashley', 'daniel', 'andrew', 'joshua', 'matthew', 'anthony',
  'charlie', 'christopher', 'christian', 'elizabeth', 'alexander', 'alexandra', 'nicholas', 'nicole', 'victoria',
  'samantha', 'amanda', 'melissa', 'michelle', 'stephanie', 'jonathan', 'benjamin', 'william', 'robert',
  'richard', 'thomas', 'george', 'charles', 'joseph', 'patrick', 'brandon', 'justin', 'austin', 'hannah',
  'maggie', 'buster', 'bailey', 'jasmine', 'madison', 'taylor', 'tyler', 'samuel', 'natasha', 'veronica',
  // this product: words anyone guessing at a payments back office tries first
  'kaito', 'kaitobackoffice', 'backoffice', 'backofficedemo', 'backofficeadmin', 'dashboard', 'payments',
  'payment', 'payout', 'payouts', 'merchant', 'merchants', 'operator', 'support', 'refund', 'refunds',
  'dispute', 'disputes', 'company', 'business', 'office', 'finance', 'accounting', 'welcometokaito',
  'correcthorsebatterystaple',
];

/** Whole common passwords of 12+ characters that the rules above do not derive. */
export const KNOWN: readonly string[] = [
  '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', '1q2w3e4r5t6y7u8i', 'q1w2e3r4t5y6', 'q1w2e3r4t5y6u7', '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv', '1qazxsw23edc', '1qaz@wsx3edc', '1qaz!qaz1qaz', '!qaz2wsx3edc', '!qaz@wsx#edc',
  'zaq12wsxcde3', 'zaq1zaq1zaq1', 'zaq1xsw2cde3', 'xsw21qaz3edc', '1234qwerasdf', '1234qwerasdfzxcv',
  'qwer1234qwer', 'qwer1234asdf', 'asdf1234asdf', 'asdfjkl;asdfjkl;', 'qwerty123456', 'qwerty1234567',
  'qwerty123456789', 'qwertyuiop123', 'qwertyuiop1234', 'qwertyuiopasdf', 'qwertyuiopasdfgh', 'asdfghjkl123',
  'asdfghjkl1234', 'zxcvbnm12345', 'zxcvbnm123456', '123456qwerty', '123456789qwerty', '1234567890qwerty',
  '123qweasdzxc', '123qwe123qwe', 'qwe123qwe123', 'qweasdzxc123', '1qw23er45ty6', 'abc123abc123',
  'abcd1234abcd', 'abcd1234abcd1234', 'a1b2c3d4e5f6', '1a2b3c4d5e6f', 'a1s2d3f4g5h6', 'aa123456789a',
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '123456123456',
  '123412341234', '123123123123', '121212121212', '112233445566', '111222333444', '147258369147',
  '147852369000', '159753159753', '159357159357', '741852963741', '789456123789', '987654321012',
  '098765432109', '000000000000', '111111111111', '123654789123', '246813579246', '135792468024',
  '0123456789ab', 'password1234', 'password12345', 'password123456', 'password123!', 'password1234!',
  'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'passwordpass', 'iloveyou1234', 'iloveyou12345',
  'iloveyou123456', 'welcome12345', 'welcome123456', 'welcome2020!', 'welcome2021!', 'welcome2022!',
  'welcome2023!', 'welcome2024!', 'welcome2025!', 'welcome2026!', 'changeme1234', 'changeme123!',
  'letmein12345', 'letmein123456', 'admin1234567', 'admin12345678', 'admin@123456', 'administrator1',
  'administrator123', 'adminadmin12', 'adminadmin123', 'trustno1trustno1', 'blink182blink182', 'ncc1701ncc1701',
  'football1234', 'baseball1234', 'basketball12', 'basketball123', 'superman1234', 'batman123456',
  'spiderman123', 'starwars1234', 'pokemon12345', 'princess1234', 'sunshine1234', 'monkey123456',
  'dragon123456', 'shadow123456', 'master123456', 'michael12345', 'charlie12345', 'liverpool123',
  'chelsea12345', 'arsenal12345', 'barcelona123', 'realmadrid12', 'manutd123456', 'elizabeth123',
  'alexander123', 'christopher1', 'jessica12345', 'internet1234', 'computer1234', 'mypassword12',
  'mypassword123', 'backoffice123', 'backoffice-demo', 'backoffice2026', 'kaito1234567', 'qwertyqwerty',
  'asdfasdfasdf', 'zxczxczxczxc', 'qazqazqazqaz', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abcdefghijklm',
  'abcdefghijklmnop', 'zyxwvutsrqpo', 'aaaaaa111111', 'aaaaaa123456', 'qqqqqqqqqqqq', 'monkeymonkey',
];
