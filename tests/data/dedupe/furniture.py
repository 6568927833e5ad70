"""Page furniture of the outlets that republish the seed stories in the dedupe corpus.

Modelled on what news pages put around a story: navigation, bylines and datelines, share
bars, subscribe appeals, "Related" lists, copyright and syndication notes, outlet blurbs.
"""

MONITOR = {
    "outlet": "Global Affairs Monitor",
    "header": [
        "Global Affairs Monitor",
        "World | Europe | Asia | Security | Opinion | Podcasts",
        "Analysis",
        "Published by the Monitor Desk",
    ],
    "footer": [
        "Global Affairs Monitor is a reader-funded newsroom that has covered conflicts, "
        "diplomacy and security across Europe and Asia since 2011, with correspondents in "
        "Kyiv, Warsaw, Brussels and Taipei.",
        "Enjoyed this analysis? Become a member and get our weekly briefing.",
        "Most read",
        "How sanctions reshaped Russia's car market",
        "Inside the race for drone components",
        "© 2025 Global Affairs Monitor",
    ],
}

WIRES = [
    {
        "outlet": "Daily World Wire",
        "url": "https://www.dailyworldwire.example/news/",
        "header": ["Skip to main content", "Daily World Wire", "Menu  Search  Sign in",
                   "World News", "By Wire Staff", "April 13, 2025 — 09:41 GMT"],
        "footer": ["Share on Facebook  Share on X  Email",
                   "Copyright 2025 Daily World Wire. All rights reserved.",
                   "This story was originally published by a partner outlet and is "
                   "republished with permission."],
        "headline": "Kyiv says Chinese nationals are fighting for Russia",
    },
    {
        "outlet": "Eurasia Dispatch",
        "url": "https://m.eurasiadispatch.example/world/",
        "header": ["EURASIA DISPATCH", "LIVE", "Ukraine war", "3 min read"],
        "footer": ["Related", "Ukraine captures two Chinese fighters in Donetsk",
                   "What we know about foreign recruits in Russia's army",
                   "Sign up for the Dispatch morning newsletter to get the top stories first.",
                   "Advertisement"],
        "headline": "China denies role as recruits surface in Russia's army",
    },
    {
        "outlet": "Newsroom Aggregator",
        "url": "https://newsroom-aggregator.example/a/",
        "header": ["Newsroom Aggregator", "Home > World > Europe", "Follow us on Telegram"],
        "footer": ["Tags: Russia, China, Ukraine, recruitment",
                   "Comments are closed for this article.",
                   "We rely on readers like you. Please consider supporting our journalism "
                   "with a monthly donation."],
        "headline": "Recruitment of Chinese citizens by Russia draws scrutiny",
    },
    {
        "outlet": "The Baltic Wire",
        "url": "https://www.baltictimes-wire.example/story/",
        "header": ["The Baltic Wire", "Subscribe", "Politics  Business  Defence",
                   "By Staff and agencies"],
        "footer": ["(Reporting by Wire Staff; Editing by Desk Editor)",
                   "Read more:", "Europe weighs its response to foreign fighters",
                   "Why Beijing stays quiet on Ukraine", "© The Baltic Wire 2025"],
        "headline": "Chinese fighters in Ukraine: what the numbers say",
    },
    {
        "outlet": "Central News",
        "url": "https://amp.centralnews.example/amp/",
        "header": ["CENTRAL NEWS", "Breaking", "Listen to this article",
                   "Photo: Ukrainian soldiers near the front line. AP Photo"],
        "footer": ["Click here to get Central News alerts on your phone.",
                   "Privacy Policy  Terms of Use  Cookie settings",
                   "All content © 2025 Central News Network"],
        "headline": "Russia's foreign legion now includes Chinese recruits",
    },
    {
        "outlet": "Pressreader Wire",
        "url": "https://www.pressreader-wire.example/p/",
        "header": ["Pressreader Wire", "Edition: International", "Opinion | World | Video"],
        "footer": ["Support independent journalism: become a subscriber today.",
                   "Recommended", "Inside Russia's recruitment drive",
                   "This article has been syndicated from a news agency feed."],
        "headline": "Ukraine: Chinese nationals among Russia's recruits",
    },
]

# A wire whose page furniture is full of numbers: none of it is news.
COUNTING_WIRE = {
    "outlet": "Metro Newswire",
    "url": "https://www.metronewswire.example/world/",
    "header": ["METRO NEWSWIRE", "World  Politics  Markets", "Updated 2 hours ago · 4 min read"],
    "footer": ["Download our app: 4.8 stars from 12,000 reviews",
               "Like this story? Share it with 3 friends.",
               "Follow us for 24/7 updates",
               "Jane Roe has covered Eastern Europe for 11 years.",
               "Metro Newswire, 221 Harbour Road, Floor 9"],
}
