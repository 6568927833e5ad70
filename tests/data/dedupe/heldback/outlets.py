"""Page furniture of the held-back half: outlets, footers and promotions that appear nowhere
in the development half (tests/data/dedupe/furniture.py), many of them holding numbers."""

OUTLETS = [
    {
        "outlet": "The Morning Ledger",
        "host": "https://www.morningledger.example/",
        "header": ["THE MORNING LEDGER", "Listen to this story (4 min)", "Last updated 2 hours ago"],
        "footer": ["Download our app: 4.8 stars from 12,000 reviews",
                   "Like this story? Share it with 3 friends.",
                   "Follow us for 24/7 updates",
                   "The Ledger is an independent, non-profit newsroom founded in 2019 with the "
                   "support of 3,000 members."],
    },
    {
        "outlet": "Harbour Times",
        "host": "https://amp.harbourtimes.example/amp/",
        "header": ["Harbour Times  |  Asia  |  Pacific", "Photographs: 6 images"],
        "footer": ["This article is 3 of 5 free articles you can read this month.",
                   "Join 250,000 readers who get our 7 a.m. briefing.",
                   "Comments (214)", "Rated 4 out of 5 by 1,203 readers"],
    },
    {
        "outlet": "Continental Post",
        "host": "https://continentalpost.example/news/",
        "header": ["Continental Post", "Posted in: World, Disasters, 2026"],
        "footer": ["Maria Keller has covered disasters and public finance for 12 years. She is "
                   "based in Vienna.",
                   "Tip us at tips@continentalpost.example or call 555-0100.",
                   "More than 40,000 people have signed our petition for press freedom.",
                   "© Continental Post Media 2026. Reproduction prohibited without permission."],
    },
    {
        "outlet": "Briefly",
        "host": "https://briefly.example/s/",
        "header": ["BRIEFLY", "Top story • 2 min"],
        "footer": ["You have 9 unread alerts.", "Get 30% off your first year of Briefly Plus.",
                   "Seen a typo? Tell our editors.", "Briefly, 48 Market Street, Suite 12"],
    },
]
