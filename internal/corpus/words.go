package corpus

import "strings"

// function words make up about two fifths of running English text.
var function = strings.Fields(`the the the the the of of of to to to and and and a a a in in in
is was for on that that with as by at from it its he she they their said has have had will would
be been were are not but or an this which who after before also more than over into about up out
new one two three first last year years week when while where there other some all most could may`)

// common are everyday news words written for this package: the head of
// the vocabulary, above the made-up long tail.
var common = strings.Fields(`government minister council election budget police court report
president party vote voters campaign policy health hospital school teacher student university
market price prices company bank economy inflation trade workers union strike energy power
climate weather storm flood fire water river bridge harbour port ship ferry train railway road
city town village region country border capital coast island mountain valley farm farmer
crop harvest food restaurant museum festival music film theatre artist writer book library
team match season player coach league final goal record race runner champion stadium fans
court judge trial lawyer prison crime officer investigation inquiry witness evidence verdict
mayor governor senator parliament committee treaty summit talks deal agreement sanctions
army soldier military defence attack ceiling missile drone war peace ceasefire refugee
family child children parent mother father doctor nurse patient vaccine virus disease study
research scientist space rocket satellite computer software internet phone data privacy
company shares profit loss investor tax taxes spending debt loan housing rent home house
tenant landlord building construction project plan planning transport bus airport flight
airline passenger tourism tourist hotel beach summer winter spring autumn morning evening
night today yesterday tomorrow month history heritage protest march rally crowd speech
statement announcement interview spokesperson official officials leader leaders community
volunteer charity donation fund grant award prize ceremony anniversary memorial church
election candidate ballot count result results poll survey majority minority coalition
opposition reform law bill rule rules regulation licence permit safety accident crash
rescue emergency ambulance injury damage repair repairs cost costs warning alert forecast
drought heat heatwave rain snow wind coastline fishing fisheries forest wildlife park garden
animal bird zoo ocean sea lake pollution waste recycling plastic electric vehicle car cars
battery solar wind turbine nuclear coal oil gas pipeline mine mining factory jobs wages
salary pension retirement insurance contract negotiation dispute complaint appeal decision
approve approved reject rejected announce announced confirm confirmed deny denied warn
warned promise promised support supported oppose opposed increase decrease rise fall grow
growth decline recovery crisis shortage supply demand export import tariff currency dollar
euro pound stock exchange technology startup founder chief executive director manager board
member members meeting session hearing testimony report reports journalist newspaper editor
broadcast television radio channel website social media online digital network signal`)
