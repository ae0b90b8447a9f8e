/**
 * Hand-made heated messages from mediation rooms (couples, families, workplaces), each with what a calmer
 * version must keep and what must go. Written for the rewriter's tests and `npm run eval:rewrite`; no
 * expected strings, only properties: the facts, the request and the boundary stay, the attack goes.
 */
export interface MediationCase {
  text: string;
  /** words the first suggestion keeps (case-insensitive, whole words) */
  keeps: string[];
  /** words or phrases that must be gone from every suggestion */
  drops: string[];
}

export const MEDIATION_CASES: MediationCase[] = [
  // couples: money
  {
    text:
      'You put an $800 gaming chair on the card without asking me, you selfish idiot, ' +
      'and now the electric bill is late.',
    keeps: ['$800', 'chair', 'card', 'electric', 'bill', 'late'],
    drops: ['idiot', 'selfish'],
  },
  {
    text: 'You NEVER pay the water bill on time and I am sick of covering for you.',
    keeps: ['water', 'bill', 'time', 'covering'],
    drops: ['NEVER'],
  },
  {
    text: 'Stop spending our savings on your stupid gadgets. We agreed to talk before anything over $200.',
    keeps: ['savings', 'gadgets', 'agreed', 'talk', '$200'],
    drops: ['stupid'],
  },
  {
    text: 'Oh great, another takeaway on my card. Real mature, Sam.',
    keeps: ['takeaway', 'card', 'Sam'],
    drops: ['real mature', 'oh great'],
  },
  {
    text: 'WHERE DID THE RENT MONEY GO?? I want the bank statements by Friday.',
    keeps: ['rent', 'money', 'bank', 'statements', 'Friday'],
    drops: ['WHERE', 'RENT'],
  },
  {
    text: 'You lied about the loan from your brother, you pathetic liar.',
    keeps: ['loan', 'brother'],
    drops: ['pathetic', 'liar'],
  },
  // couples: chores
  {
    text: 'You never help with the dishes, you lazy slob.',
    keeps: ['dishes'],
    drops: ['lazy', 'slob', 'rarely'],
  },
  {
    text: 'I am so fucking tired of picking up your dirty socks from the bathroom floor.',
    keeps: ['tired', 'picking', 'socks', 'bathroom', 'floor'],
    drops: ['fucking'],
  },
  {
    text: "You always leave the laundry in the machine for two days and it stinks, it's disgusting.",
    keeps: ['laundry', 'machine', 'two', 'days'],
    drops: ['often'],
  },
  {
    text: 'Thanks for taking out the bins, oh wait, you didn’t, as usual. Can you do it tonight?',
    keeps: ['bins', 'tonight'],
    drops: ['oh wait', 'as usual'],
  },
  {
    text: 'Cook your own damn dinner from now on, I am done cooking every night while you play games.',
    keeps: ['dinner', 'cooking', 'night', 'games'],
    drops: ['damn'],
  },
  // couples: in-laws
  {
    text: 'Your mother is a nosy old witch and she is not staying with us for three weeks at Christmas.',
    keeps: ['mother', 'staying', 'three', 'weeks', 'Christmas'],
    drops: ['witch', 'nosy old'],
  },
  {
    text: 'I had to find out from your sister that you were at the pub, you coward.',
    keeps: ['find', 'sister', 'pub'],
    drops: ['coward'],
  },
  {
    text: 'Your dad comments on my weight at every dinner and you just sit there like a spineless moron.',
    keeps: ['dad', 'comments', 'weight', 'dinner', 'sit'],
    drops: ['spineless', 'moron'],
  },
  {
    text: 'I am NOT going to your parents this Sunday, I told you that twice already, are you deaf?',
    keeps: ['going', 'parents', 'Sunday', 'told', 'twice'],
    drops: ['are you deaf'],
  },
  {
    text: 'If your mum turns up unannounced again I am leaving the house, I swear to god I am sick of her crap.',
    keeps: ['mum', 'unannounced', 'leaving', 'house'],
    drops: ['crap'],
  },
  // families
  {
    text: 'Dad, you useless old man, you only call when you need money.',
    keeps: ['Dad', 'call', 'need', 'money'],
    drops: ['useless', 'old man'],
  },
  {
    text: 'Grandma needs someone to drive her to the clinic on Tuesdays and you lazy lot never lift a finger.',
    keeps: ['Grandma', 'drive', 'clinic', 'Tuesdays'],
    drops: ['lazy lot'],
  },
  {
    text: 'You missed my birthday dinner three years in a row, you selfish bastard.',
    keeps: ['missed', 'birthday', 'dinner', 'three', 'years', 'row'],
    drops: ['selfish', 'bastard'],
  },
  {
    text: "Mum, stop reading my messages. It's my phone and my private life, for fuck's sake.",
    keeps: ['Mum', 'reading', 'messages', 'phone', 'private', 'life'],
    drops: ['fuck'],
  },
  {
    text: 'You always take his side, every single time, and I am sick of being the bad guy in this family.',
    keeps: ['side', 'sick', 'bad', 'guy', 'family'],
    drops: ['every single time'],
  },
  {
    text: 'Nobody in this family ever asks how I am doing with Dad in hospital. You are all heartless.',
    keeps: ['family', 'asks', 'Dad', 'hospital'],
    drops: ['heartless'],
  },
  {
    text: 'The house sale money gets split three ways like the will says, and your greedy husband gets nothing.',
    keeps: ['house', 'sale', 'money', 'split', 'three', 'ways', 'will', 'husband'],
    drops: ['greedy'],
  },
  {
    text: 'Shut up about the curfew. I am seventeen and I will be home by midnight.',
    keeps: ['curfew', 'seventeen', 'home', 'midnight'],
    drops: ['shut up'],
  },
  // workplace
  {
    text: "I'm not doing your share of the on-call rota anymore, you lazy prick.",
    keeps: ['share', 'on-call', 'rota'],
    drops: ['lazy', 'prick'],
  },
  {
    text: 'Nobody else will cover the Saturday shift, so I get stuck with it every damn week.',
    keeps: ['cover', 'Saturday', 'shift', 'stuck', 'week'],
    drops: ['damn'],
  },
  {
    text: 'You took credit for my report in the meeting, you snake. Correct it with the team by Monday.',
    keeps: ['credit', 'report', 'meeting', 'Correct', 'team', 'Monday'],
    drops: ['snake'],
  },
  {
    text: 'STOP SCHEDULING ME FOR CLOSING AND OPENING THE NEXT DAY. I need eight hours between shifts.',
    keeps: ['scheduling', 'closing', 'opening', 'next', 'day', 'eight', 'hours', 'shifts'],
    drops: ['STOP SCHEDULING'],
  },
  {
    text: 'Wow, what a brilliant idea to change the deadline without telling anyone. Genius.',
    keeps: ['change', 'deadline', 'telling'],
    drops: ['genius', 'wow'],
  },
  {
    text: 'You are the worst manager I have ever had. I asked for the holiday in March and you ignored it.',
    keeps: ['asked', 'holiday', 'March', 'ignored'],
    drops: ['worst manager'],
  },
  {
    text: 'Keep your hands off my desk and my files, you creep.',
    keeps: ['hands', 'desk', 'files'],
    drops: ['creep'],
  },
  {
    text: 'Learn to read the damn handover notes before you call me at 2am.',
    keeps: ['read', 'handover', 'notes', 'call', '2am'],
    drops: ['damn'],
  },
  {
    text: 'This rota is complete bullshit, I have worked every bank holiday this year.',
    keeps: ['rota', 'worked', 'bank', 'holiday', 'year'],
    drops: ['bullshit'],
  },
  // boundaries
  {
    text: 'Do not text me after 10pm about work ever again, I mean it, you idiot.',
    keeps: ['text', '10pm', 'work'],
    drops: ['idiot'],
  },
  {
    text: "I'm not lending you money anymore, so stop asking, you leech.",
    keeps: ['lending', 'money', 'anymore', 'stop', 'asking'],
    drops: ['leech'],
  },
  {
    text: 'Stop showing up at my flat drunk at 3am, you embarrassing mess.',
    keeps: ['showing', 'flat', 'drunk', '3am'],
    drops: ['embarrassing mess'],
  },
  // absolutes
  {
    text: 'You never listen to me when I talk about my job.',
    keeps: ['listen', 'talk', 'job'],
    drops: ['rarely'],
  },
  {
    text: 'You always forget to pick up Mia from school on Wednesdays.',
    keeps: ['forget', 'pick', 'Mia', 'school', 'Wednesdays'],
    drops: ['often'],
  },
  {
    text: 'You never once said thank you for all the driving I do.',
    keeps: ['thank', 'driving'],
    drops: ['rarely once'],
  },
  // sarcasm
  {
    text: 'Oh sure, because you are SO perfect with money. Maybe check the overdraft before lecturing me.',
    keeps: ['check', 'overdraft', 'lecturing'],
    drops: ['oh sure', 'perfect'],
  },
  {
    text: 'Yeah right, like you ever cared about my feelings. You forgot our anniversary.',
    keeps: ['forgot', 'anniversary'],
    drops: ['yeah right'],
  },
  {
    text: 'Nice of you to finally show up, only two hours late for the parents evening.',
    keeps: ['two', 'hours', 'late', 'parents', 'evening'],
    drops: ['nice of you'],
  },
  // ALL CAPS
  {
    text: 'I TOLD YOU THE CAR NEEDS ITS MOT BY THE 15TH AND YOU DID NOTHING!!!',
    keeps: ['told', 'car', 'mot', '15th'],
    drops: ['TOLD', 'CAR', '!!!'],
  },
  {
    text: 'PICK UP YOUR PHONE WHEN THE SCHOOL CALLS ABOUT JAKE!!',
    keeps: ['pick', 'phone', 'school', 'calls', 'Jake'],
    drops: ['PICK', 'PHONE'],
  },
  {
    text: 'WHY IS THE KITCHEN STILL A DISASTER? You said you would clean it on Saturday.',
    keeps: ['kitchen', 'clean', 'Saturday'],
    drops: ['KITCHEN', 'DISASTER'],
  },
  // more, written after reading the rewriter's output
  {
    text: 'Stop being such a baby and just sign the custody schedule.',
    keeps: ['sign', 'custody', 'schedule'],
    drops: ['baby'],
  },
  {
    text: 'You useless idiots lost the Henderson file AGAIN.',
    keeps: ['you', 'lost', 'Henderson', 'file'],
    drops: ['useless', 'idiots', 'AGAIN'],
  },
  {
    text: "It's your turn to do the night feeds, so get your lazy ass out of bed.",
    keeps: ['turn', 'night', 'feeds', 'bed'],
    drops: ['lazy', 'ass', 'get you'],
  },
  {
    text: "You ALWAYS leave me to deal with your mother's birthday, you selfish git.",
    keeps: ['leave', 'deal', "mother's", 'birthday'],
    drops: ['selfish', 'git', 'ALWAYS'],
  },
  {
    text: 'Every time I ask you to help with the budget you act like a spoiled brat.',
    keeps: ['ask', 'help', 'budget'],
    drops: ['spoiled', 'brat'],
  },
  {
    text: "I don't give a damn about your golf weekend, the boiler is broken.",
    keeps: ['golf', 'weekend', 'boiler', 'broken'],
    drops: ['damn'],
  },
  {
    text: "You always do this. I'm sick of your shit.",
    keeps: ['sick'],
    drops: ['shit', 'things', 'often'],
  },
  {
    text: "You told your mum about our money problems and I'm so humiliated, you idiot.",
    keeps: ['told', 'mum', 'money', 'problems', 'humiliated'],
    drops: ['idiot'],
  },
  {
    text: 'You missed the school play, you selfish bastard, and I am so disappointed.',
    keeps: ['missed', 'school', 'play', 'disappointed'],
    drops: ['selfish', 'bastard'],
  },
];
