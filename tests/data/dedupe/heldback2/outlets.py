"""Page furniture of the third held-back dedupe half (dedupe-h2).

Written apart from tests/data/dedupe/furniture.py and tests/data/dedupe/heldback/outlets.py:
other outlets, other hosts, and the blocks syndicating sites put around a story — key-point
boxes, bylines, photo captions with credits, paywall stubs, page counters, syndication lines,
reader-comment blocks, related-coverage lists and "Updated N min ago" stamps. Many hold numbers.
"""

OUTLETS = [
    {
        "outlet": "The Lantern Gazette",
        "host": "https://www.lanterngazette.example/world/",
        "header": ["The Lantern Gazette", "World · Politics · Business · Climate · Sport",
                   "Listen · 6 min read"],
        "footer": ["Sign up for The Lantern's 6 a.m. newsletter — 410,000 readers can't be wrong.",
                   "© 2026 Lantern Gazette Media Ltd. Company no. 04418812."],
        "byline": "Priya Raman",
        "photo": "Lantern Gazette",
    },
    {
        "outlet": "Meridian Wire",
        "host": "https://meridianwire.example/story/",
        "header": ["MERIDIAN WIRE", "Breaking · Markets · World"],
        "footer": ["Meridian Wire serves 1,900 newsrooms in 64 countries.",
                   "Reporting by Meridian Wire staff; editing by the World Desk."],
        "byline": "Tomás Lindqvist",
        "photo": "Meridian Wire",
    },
    {
        "outlet": "Northfield Courier",
        "host": "https://northfieldcourier.example/news/2026/",
        "header": ["Northfield Courier", "Home > News > World", "Print edition: page 14"],
        "footer": ["Got a story? Text the newsdesk on 07700 900123.",
                   "The Courier has served Northfield since 1887."],
        "byline": "Hannah Okafor",
        "photo": "Northfield Courier",
    },
    {
        "outlet": "Pacific Daily Report",
        "host": "https://pacificdailyreport.example/articles/",
        "header": ["PACIFIC DAILY REPORT", "Trending: 5 stories you missed", "Advertisement"],
        "footer": ["Advertisement", "Read 2 more free stories this week, or subscribe for $1.99.",
                   "Pacific Daily Report · 220 Harbor Blvd · Floor 9"],
        "byline": "Kenji Watanabe",
        "photo": "PDR",
    },
    {
        "outlet": "Civic Bulletin",
        "host": "https://civicbulletin.example/p/",
        "header": ["Civic Bulletin", "Nonprofit news · Reader supported", "Donate"],
        "footer": ["Civic Bulletin is funded by 8,412 members. Become one for $5 a month.",
                   "Republish this article for free under our Creative Commons licence."],
        "byline": "Lucía Ferreira",
        "photo": "Civic Bulletin",
    },
    {
        "outlet": "The Evening Register",
        "host": "https://eveningregister.example/content/",
        "header": ["The Evening Register", "Edition: International", "Today's paper · 36 pages"],
        "footer": ["Evening Register crossword No. 18,302 is out now.",
                   "All content © The Evening Register 2026."],
        "byline": "Daniel Mbeki",
        "photo": "Evening Register",
    },
]

PHOTO_AGENCIES = ["AFP", "Reuters", "AP Photo", "Getty Images", "EPA", "Anadolu"]

CAPTIONS = [
    "People gather near the scene on Tuesday.",
    "A handout photo released by officials shows the site from above.",
    "Officials brief reporters at a news conference.",
    "Relatives wait for news outside a hospital.",
    "A general view of the area, taken earlier this year.",
    "Protesters hold placards during a march in the capital.",
]

COMMENTS = [
    ("harbourview_88", "2h", "Thoughts with everyone affected. Terrible news.", 41),
    ("J. Whitcombe", "3h", "Why did it take this long for anyone to say anything?", 17),
    ("nomad_kid", "5h", "Read the whole thing twice. The numbers don't add up to me.", 9),
    ("Fiona R", "6h", "Good reporting, thank you for keeping this on the front page.", 63),
    ("realist1972", "8h", "Same story every year and nothing changes.", 112),
]

SYNDICATION = [
    "This story was originally published by {src} and is republished here with permission.",
    "This article first appeared on {src}. It is republished with permission.",
]

PAYWALL = ["Subscribe to continue reading",
           "This article is for subscribers. Start your 30-day free trial to keep reading.",
           "You've reached your limit of 3 free articles this month. Subscribe to continue reading."]

NAMES = ["Jane Doe", "Marco Bellini", "Ayesha Siddiqui", "Oliver Grant", "Chen Wei",
         "Sofia Almeida"]
WIRES = ["Reuters", "AP", "AFP", "Meridian Wire"]
