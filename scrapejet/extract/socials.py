"""The company's own profiles on social networks.

A link is a profile when its path has the network's profile shape (a page,
an account, a company, a channel); share buttons, post and video URLs,
tracking pixels and a network's home page are not. And a profile link is
the company's when the page presents it as such: in the header, footer or
nav, as an icon or a "Follow us" link, or under a handle that resembles the
company's name. A blog post linking to somebody else's account is not."""

from __future__ import annotations

import re
from typing import Any, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from scrapejet.extract.jsonld import text_values
from scrapejet.extract.phones import whatsapp_number
from scrapejet.extract.textlines import FOOTER, HEADER, NAV, SITE_MAKER, WIDGET, Document, fold

NETWORK_HOSTS = {
    "facebook.com": "facebook", "fb.com": "facebook", "fb.me": "facebook",
    "instagram.com": "instagram", "instagr.am": "instagram",
    "linkedin.com": "linkedin",
    "twitter.com": "x", "x.com": "x",
    "youtube.com": "youtube",
    "tiktok.com": "tiktok",
    "github.com": "github",
    "pinterest.com": "pinterest",
    "wa.me": "whatsapp", "whatsapp.com": "whatsapp", "api.whatsapp.com": "whatsapp", "wasap.my": "whatsapp",
    # a messenger-link service's buttons: msng.link/o/?381629219069=wa (WhatsApp), msng.link/vi/381629219069 (Viber)
    "msng.link": "msnglink",
    "xing.com": "xing",
    "t.me": "telegram", "telegram.me": "telegram",
    "vk.com": "vk", "ok.ru": "odnoklassniki",
    "line.me": "line", "lin.ee": "line", "threads.net": "threads", "threads.com": "threads",
    # Vietnam's messenger: "zalo.me/0936365576", a business's number, as wa.me's
    "zalo.me": "zalo",
    # a "link in bio" page: what a food truck or a salon gives instead of a site
    "linktr.ee": "linktree",
    # a neighbourhood network's business page, a classifieds seller's page
    "nextdoor.com": "nextdoor", "gumtree.com": "gumtree",
    # closed in 2019, its links still in many footers: a profile all the same
    "plus.google.com": "googleplus", "myspace.com": "myspace",
    # a maker's channels: streams, patrons, a shop on a marketplace, a community server
    "twitch.tv": "twitch", "patreon.com": "patreon", "etsy.com": "etsy", "discord.gg": "discord", "discord.com": "discord",
    # a photographer's albums, a film maker's videos, a musician's tracks, a designer's portfolio
    "flickr.com": "flickr", "vimeo.com": "vimeo", "soundcloud.com": "soundcloud", "behance.net": "behance",
    "bsky.app": "bluesky", "snapchat.com": "snapchat", "tumblr.com": "tumblr",
}
# A profile the page links to (or writes out) before one only its structured data names.
SOURCE_RANK = {"link": 0, "json-ld": 1}
# More than this is a list of other people's accounts, not a company's own.
MAX_PROFILES = 40
# (threads.net moved to threads.com in 2025)
_CANONICAL_HOST = {
    "facebook": "www.facebook.com", "instagram": "www.instagram.com", "linkedin": "www.linkedin.com",
    "x": "x.com", "youtube": "www.youtube.com", "tiktok": "www.tiktok.com", "github": "github.com",
    "pinterest": "www.pinterest.com", "whatsapp": "wa.me", "xing": "www.xing.com",
    "telegram": "t.me", "vk": "vk.com", "odnoklassniki": "ok.ru", "line": "line.me", "threads": "www.threads.com",
    "linktree": "linktr.ee", "nextdoor": "nextdoor.com", "gumtree": "www.gumtree.com",
    "googleplus": "plus.google.com", "myspace": "myspace.com", "zalo": "zalo.me",
    "twitch": "www.twitch.tv", "patreon": "www.patreon.com", "etsy": "www.etsy.com", "discord": "discord.gg",
    "flickr": "www.flickr.com", "vimeo": "vimeo.com", "soundcloud": "soundcloud.com", "behance": "www.behance.net",
    "bluesky": "bsky.app", "snapchat": "www.snapchat.com", "tumblr": "www.tumblr.com",
}
# First path segments that are the network's own pages, not an account.
_RESERVED = {
    "facebook": {
        "sharer", "sharer.php", "share", "share.php", "dialog", "plugins", "tr", "login", "login.php", "watch",
        "photo", "photo.php", "story.php", "permalink.php", "hashtag", "home.php", "policies", "privacy", "help",
        "events", "groups", "business", "ads", "marketplace", "gaming", "reel", "reels", "stories", "search",
        "l.php", "legal", "about", "settings", "notes", "media", "video.php", "v", "watchparty", "fundraisers",
    },
    "instagram": {"p", "reel", "reels", "tv", "explore", "accounts", "stories", "direct", "about", "legal", "developer", "web", "share"},
    "x": {"intent", "share", "home", "search", "hashtag", "i", "explore", "settings", "login", "signup", "privacy", "tos", "notifications", "messages", "compose", "messages"},
    "tiktok": {"embed", "tag", "music", "discover", "foryou", "following", "login", "upload", "legal", "share"},
    "github": {
        "features", "pricing", "about", "login", "join", "sponsors", "marketplace", "explore", "topics", "collections",
        "trending", "site", "security", "enterprise", "readme", "apps", "settings", "notifications", "new", "search",
        "contact", "customer-stories", "team", "solutions", "resources", "codespaces", "issues", "pulls", "orgs",
    },
    "pinterest": {"pin", "search", "ideas", "today", "login", "_", "categories", "explore", "business", "discover"},
    "telegram": {"share", "addstickers", "joinchat", "proxy", "socks", "iv", "addtheme", "setlanguage", "s"},
    "vk": {"share.php", "away.php", "login", "feed", "search", "video", "wall", "photo", "im", "app", "apps", "about", "terms", "privacy"},
    "odnoklassniki": {"dk", "search", "feed", "video", "music", "games", "app"},
    "twitch": {"directory", "videos", "p", "settings", "downloads", "jobs", "login", "signup", "search", "subscriptions",
               "inventory", "wallet", "drops", "turbo", "prime", "friends"},
    "patreon": {"login", "signup", "explore", "posts", "join", "about", "product", "pricing", "home", "search", "messages",
                "notifications", "settings", "policy", "legal", "create", "apps"},
    "linktree": {"s", "discover", "login", "register", "admin", "blog", "help", "marketplace", "templates",
                 "privacy", "terms", "pricing", "features", "about"},
    "vimeo": {"channels", "groups", "categories", "watch", "search", "upload", "join", "log_in", "login", "features",
              "pricing", "blog", "help", "about", "ondemand", "showcase", "album", "manage", "stock", "enterprise",
              "solutions", "create", "live", "privacy", "terms", "cookie_policy", "jobs", "partners", "video"},
    "soundcloud": {"discover", "search", "upload", "stream", "you", "charts", "pages", "terms-of-use", "imprint",
                   "signin", "jobs", "pro", "mobile", "popular", "tags", "stations", "people"},
    "behance": {"search", "galleries", "joblist", "hire", "assets", "blog", "about", "live", "gallery", "onboarding"},
    "tumblr": {"explore", "dashboard", "login", "register", "search", "tagged", "privacy", "policy", "help", "about",
               "apps", "settings", "post", "blog", "likes", "following", "inbox", "new"},
}
_HANDLE = {
    "instagram": re.compile(r"^[A-Za-z0-9._]{1,30}$"),
    "x": re.compile(r"^[A-Za-z0-9_]{1,15}$"),
    "github": re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"),
    "pinterest": re.compile(r"^[A-Za-z0-9_.-]{3,30}$"),
    # page names may be in any script, percent-encoded in the URL
    "facebook": re.compile(r"^(?:[A-Za-z0-9.\-]|%[0-9A-Fa-f]{2}){3,200}$"),
    "telegram": re.compile(r"^[A-Za-z0-9_]{5,32}$"),
    "vk": re.compile(r"^[A-Za-z0-9_.]{2,60}$"),
    "odnoklassniki": re.compile(r"^[A-Za-z0-9_.]{2,60}$"),
    "linktree": re.compile(r"^[A-Za-z0-9_.]{2,30}$"),
}
# Handles a template leaves for its buyer to fill in ("your profile").
_PLACEHOLDER_HANDLES = frozenset("""yourprofile yourpage yourusername username yourname yourhandle yourcompany
    youraccount yourbusiness iltuoprofilo tuoprofilo tuapagina iltuoaccount tucuenta tuperfil tupagina tuusuario
    votrepage votreprofil votrecompte deineseite deinprofil deinname seuperfil suapagina suaconta jouwpagina
    jouwprofiel example username123 account profile tvojastranka tvojprofil tvojkanal tvastranka vasestranka
    vasprofil vasastranka twojastrona twojprofil twojkanal""".split())
# Handles are case-insensitive on these networks; YouTube channel ids are not.
_CASELESS = frozenset({"facebook", "instagram", "x", "tiktok", "github", "pinterest", "linkedin", "xing", "telegram", "vk",
                       "odnoklassniki", "threads", "linktree", "twitch", "patreon", "etsy", "vimeo", "soundcloud",
                       "behance", "bluesky", "snapchat", "tumblr"})
_FOLLOW_TEXT = re.compile(
    # ("Chat on LINE", "Order on WhatsApp", "Message us on Facebook": a chat with the business)
    r"^(?:follow|find|like|join|connect|visit|see|chat|message|order|contact|text)?\s*(?:us|me)?\s*(?:on|at|via)?\s*(?:facebook|instagram|linkedin|"
    r"twitter|x|youtube|tiktok|github|pinterest|whatsapp|xing|telegram|vk|vkontakte|threads|line|linktree|twitch|"
    # ("LINE予約", "Instagramを見る": a Japanese word runs on with no space)
    r"patreon|etsy|discord|zalo|flickr|vimeo|soundcloud|behance|bluesky|snapchat|tumblr)(?:\b|(?=[\u3040-\u30ff\u4e00-\u9fff]))|"
    r"folge?n? (?:sie )?uns|suivez-nous|siguenos|seguici|volg ons|siga-nos|follow us|"
    # "Sledujte nás na Facebooku", "Følg os", "Kövess minket": follow us, as each language says it
    r"\bsledujte nas\b|\bsledz(?:cie)? nas\b|\bobserwuj(?:cie)? nas\b|\bpratite nas\b|\bsledite nam\b|"
    r"\bkovess(?:en|etek)? minket\b|\burmari(?:ti|ți)-ne\b|\burmareste-ne\b|\bfolg (?:os|oss)\b|\bfolj oss\b|"
    r"\bseuraa meita\b|\bjalgi meid\b|\bsekite mus\b|\bsekojiet mums\b|\bακολουθηστε μας\b|\bbizi takip ed\w*|"
    # "Bekijk onze Instagram pagina", "Visit our Facebook page", "notre page Facebook"
    r"\b(?:our|onze|unsere?[nm]?|unser|notre|nos|nuestr[oa]s?|nostr[oa]|nossa|nosso|vores|vart|var|vaar|"
    r"meidan|nasz[aey]?|nase|nasi|nasu|mitt|min)\b(?:\s+[\w-]+){0,2}?\s+(?:facebook|instagram|linkedin|twitter|"
    r"youtube|tiktok|pinterest|xing|threads)\b",
)


# A handle written after its network's name ("Instagram: @acme", "IG @acme"),
# not part of an e-mail address.
# A short link text to write to the page on Messenger (inflected:
# "Messengeren", "na Messengerze") presents the account as the site's; a
# name on the network ("Jan op Instagram") may be anybody's.
_MESSENGER = re.compile(r"(?<![a-z])messenger")
_NAMING_MAX_WORDS = 5
_TEXT_HANDLE = re.compile(r"(?i)(?<!\w)(instagram|insta|ig|tiktok|tik tok|twitter|threads)(?!\w)\s*[:\-–]?\s*@([A-Za-z0-9._]{2,30})(?![\w@])")
_TEXT_NETWORK = {"instagram": "instagram", "insta": "instagram", "ig": "instagram", "tiktok": "tiktok",
                 "twitter": "x", "threads": "threads"}
_TEXT_PROFILE = {"instagram": "https://www.instagram.com/{}", "tiktok": "https://www.tiktok.com/@{}",
                 "x": "https://x.com/{}", "threads": "https://www.threads.com/@{}"}


def profile(url: str) -> dict[str, str] | None:
    """``{"network", "url", "handle"}`` when ``url`` is a profile on a known
    network, with the URL canonicalised (https, the network's main host, no
    query, no trailing slash); None for anything else."""
    try:
        # (a space left in a template's URL is sent as %20: "facebook.com/EducChien Essonne")
        parts = urlsplit(url.strip().replace(" ", "%20"))
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "") or not parts.netloc:
        return None
    host = (parts.hostname or "").lower()
    network = _network_of(host)
    if network is None:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if not segments and parts.fragment.startswith("!/"):
        # the hash-bang addresses of the early 2010s: "twitter.com/#!/Eventprouk"
        segments = [s for s in parts.fragment[2:].split("?")[0].split("/") if s]
    if network == "etsy" and host.endswith(".etsy.com") and host.split(".")[0] not in ("www", "m", "help", "blog"):
        segments = ["shop", host.split(".")[0]]  # a shop's own address: acme.etsy.com
    if network == "tumblr" and host.endswith(".tumblr.com") and host.split(".")[0] not in ("www", "assets", "help", "static"):
        segments = [host.split(".")[0]]  # a blog's own address: acme.tumblr.com
    if network == "vimeo" and host != "vimeo.com" and host != "www.vimeo.com":
        return None  # player.vimeo.com/video/…: a film on the page, not an account
    if host == "lin.ee":
        # an official account's short link, as LINE gives it to Japanese shops: lin.ee/6cYRjnW
        code = segments[0] if len(segments) == 1 and _SHORT_LINK_CODE.fullmatch(segments[0]) else None
        return {"network": network, "url": f"https://lin.ee/{code}", "handle": code} if code else None
    if network == "msnglink":
        # a WhatsApp chat behind it is the site's WhatsApp; a Viber chat is one of its own
        number = whatsapp_number(url)
        if number:
            return {"network": "whatsapp", "url": f"https://wa.me/{number[1:]}", "handle": number[1:]}
        if len(segments) == 2 and segments[0] == "vi" and segments[1].isdigit():
            return {"network": "viber", "url": f"https://msng.link/vi/{segments[1]}", "handle": segments[1]}
        return None
    if network == "whatsapp":
        number = whatsapp_number(url)
        if not number:
            # a chat's QR link, which hides the number: wa.me/qr/NLU5G67IOU6EJ1
            code = segments[1] if len(segments) == 2 and segments[0] == "qr" and host.endswith("wa.me") else ""
            return {"network": network, "url": f"https://wa.me/qr/{code}", "handle": code} \
                if _SHORT_LINK_CODE.fullmatch(code) else None
        return {"network": network, "url": f"https://wa.me/{number[1:]}", "handle": number[1:]}
    path = _profile_path(network, segments, parts.query)
    if path is None:
        return None
    if network in _CASELESS and not path.startswith("share/") and "/pfbid" not in path:  # a share code's or a pfbid's case is part of it
        # (a percent-escape keeps its upper-case hex: it is no letter of the name)
        path = re.sub(r"%[0-9a-f]{2}", lambda m: m.group(0).upper(), path.lower())
    handle = unquote(path.rsplit("/", 1)[-1].lstrip("@"))
    if network == "facebook" and path.startswith("profile.php"):
        handle = path.split("=", 1)[-1]
    if network == "linkedin" and path.startswith("pub/"):
        handle = unquote(path.split("/")[1])  # (the numbers after the name are its place in the directory)
    if _squash(handle) in _PLACEHOLDER_HANDLES:
        return None  # a template's "instagram.com/IL_TUO_PROFILO" left in place
    return {"network": network, "url": f"https://{_CANONICAL_HOST[network]}/{path}", "handle": handle}


def _network_of(host: str) -> str | None:
    labels = host.split(".")
    for size in (3, 2):
        if len(labels) >= size:
            network = NETWORK_HOSTS.get(".".join(labels[-size:]))
            if network:
                return network
    # pinterest.de, pinterest.co.uk, pinterest.fr: one network
    if "pinterest" in labels:
        return "pinterest"
    return None


_SHARED_PROFILE = re.compile(r"[A-Za-z0-9]{8,20}")
_SHORT_LINK_CODE = re.compile(r"[A-Za-z0-9_-]{5,16}")


# A tab of an account's page ("/acme/_created/" on Pinterest, "/acme/reels/",
# "/acme/about"): the account, not a post.
_PROFILE_TABS = frozenset("""_created _saved boards pins reels tagged about photos reviews videos community
    followers following featured with_replies media likes highlights profilecard""".split())


# the tabs of a company page or a channel, which are the page itself
# ("/company/92494980/admin/", "/@bryumcisteni/shorts")
_LINKEDIN_TABS = frozenset({"about", "mycompany", "admin", "posts", "people", "jobs", "life"})
_YOUTUBE_TABS = frozenset({"featured", "videos", "about", "shorts", "streams", "playlists", "community"})
_YOUTUBE_CUSTOM = re.compile(r"[A-Za-z][A-Za-z0-9_-]{2,49}")
# YouTube's own pages a first segment alone may name (no channel's)
_YOUTUBE_PAGES = frozenset({
    "watch", "results", "feed", "embed", "shorts", "playlist", "redirect", "about", "t", "howyoutubeworks", "premium",
    "kids", "music", "gaming", "live", "account", "signin", "logout", "upload", "channel", "c", "user", "attribution_link",
    "yt", "ads", "creators", "jobs", "new", "trending", "subscription_manager", "view_play_list", "hashtag", "post", "v",
    "share", "sharer", "iframe_api", "player_api", "oembed", "supported_browsers", "index", "home",
})


def _profile_path(network: str, segments: list[str], query: str) -> str | None:
    if not segments:
        return None  # the network's home page
    first = segments[0]
    reserved = _RESERVED.get(network, set())
    if len(segments) == 2 and segments[1].lower() in _PROFILE_TABS and first.lower() not in reserved \
            and network not in ("linkedin", "youtube", "xing", "line", "odnoklassniki"):
        segments = segments[:1]
    if network == "facebook":
        if first == "profile.php":
            user_id = (parse_qs(query).get("id") or [""])[0]
            return f"profile.php?id={user_id}" if user_id.isdigit() else None
        if first == "pages" and len(segments) >= 2:
            # /pages/Name/1234, and /pages/category/Pub/Name-1234: the page, not its category
            return "/".join(segments[:4] if segments[1].lower() == "category" else segments[:3])
        if first == "people" and len(segments) >= 3 and (segments[2].isdigit() or segments[2].startswith("pfbid")):
            # a page without a username: /people/Name/6158…/, or its newer /people/Name/pfbid02h…/
            return f"people/{segments[1]}/{segments[2]}"
        if first == "share" and len(segments) == 2 and _SHARED_PROFILE.fullmatch(segments[1]):
            # "Share profile" gives /share/1Db59MYHj7/, which opens the page; a shared
            # post or reel is /share/p/…, /share/r/…, and a share button /sharer.php
            return f"share/{segments[1]}"
        if first == "p" and len(segments) == 2 and _HANDLE["facebook"].match(segments[1]):
            return f"p/{segments[1]}"  # the newer page address: /p/Name-100054573754039/
        if first == "marketplace" and len(segments) >= 3 and segments[1] == "profile" and segments[2].isdigit():
            return f"marketplace/profile/{segments[2]}"  # a seller's page on Marketplace
        if first.lower() in reserved or len(segments) > 1 or not _HANDLE["facebook"].match(first):
            return None  # /acme/posts/123, /acme/videos/... are posts
        return first
    if network == "linkedin":
        if first in ("company", "in", "school", "showcase") and len(segments) >= 2:
            return f"{first}/{segments[1]}" if len(segments) == 2 or segments[2] in _LINKEDIN_TABS else None
        if first == "pub" and 2 <= len(segments) <= 5:
            return "/".join(segments)  # the older public profile: /pub/jane-doe/69/905/167
        return None
    if network == "youtube":
        if first.startswith("@") and len(segments) <= 2 and len(first) > 1:
            return first if len(segments) == 1 or segments[1] in _YOUTUBE_TABS else None
        if first in ("channel", "c", "user") and len(segments) >= 2:
            return f"{first}/{segments[1]}"
        if len(segments) == 1 and _YOUTUBE_CUSTOM.fullmatch(first) and first.lower() not in _YOUTUBE_PAGES:
            return first  # a channel's older custom address: youtube.com/mombasafish
        return None
    if network == "instagram" and first == "stories" and len(segments) >= 2 and _HANDLE["instagram"].match(segments[1]) \
            and segments[1] != "highlights":
        return segments[1]  # a story shared from the account: /stories/acme/3840600568029429691
    if network == "tiktok":
        return first if first.startswith("@") and len(first) > 1 and len(segments) == 1 else None
    if network == "line":
        # an official account: line.me/R/ti/p/@acme (the /R/ and /ti/p/ forms)
        # (the @ often percent-encoded: line.me/R/ti/p/%40acme)
        handle = next((seg for seg in map(unquote, segments) if seg.startswith("@") and len(seg) > 1), None)
        if handle:
            return f"R/ti/p/{handle}"
        # (a personal account's add-friend code, as a shop owner's: line.me/ti/p/pXU2XP9jjv)
        at = segments.index("ti") if "ti" in segments[:2] else -1
        code = segments[at + 2] if 0 <= at and segments[at + 1:at + 2] == ["p"] and len(segments) > at + 2 else ""
        return f"ti/p/{code}" if _SHORT_LINK_CODE.fullmatch(code) else None
    if network == "odnoklassniki" and first in ("group", "profile") and len(segments) == 2:
        return f"{first}/{segments[1]}"
    if network == "threads":
        return first if first.startswith("@") and len(first) > 1 and len(segments) == 1 else None
    if network == "nextdoor":
        # nextdoor.com/page/acme-plumbing-town-st (/pages/ on older links)
        return f"page/{segments[1]}" if first in ("page", "pages") and len(segments) >= 2 else None
    if network == "gumtree":
        return f"profile/account/{segments[2]}" if segments[:2] == ["profile", "account"] and len(segments) >= 3 else None
    if network == "etsy":
        # etsy.com/shop/Acme, etsy.com/fr/shop/Acme (and acme.etsy.com, read by profile())
        at = segments.index("shop") if "shop" in segments[:2] else -1
        return f"shop/{segments[at + 1]}" if 0 <= at < len(segments) - 1 else None
    if network == "discord":
        # an invitation to the business's server: discord.gg/Jpa4yvfQVN, discord.com/invite/Jpa4yvfQVN
        code = segments[1] if first == "invite" and len(segments) == 2 else first if len(segments) == 1 else None
        return code if code and code not in ("invite", "app", "channels", "login", "download") else None
    if network == "flickr":
        # flickr.com/photos/acme/ (and its albums, /photos/acme/albums), /people/acme/
        # (a photo, /photos/acme/5234…, is a picture the page credits, not the account)
        if (first in ("photos", "people") and len(segments) >= 2 and segments[1] not in ("tags", "upload", "organize")
                and (len(segments) == 2 or segments[2] in ("albums", "sets", "galleries", "favorites"))):
            return f"photos/{segments[1]}"
        return None
    if network == "vimeo":
        # vimeo.com/acme, vimeo.com/user12345; vimeo.com/123456 is a video, player.vimeo.com an embed
        return first if len(segments) == 1 and not first.isdigit() and first.lower() not in reserved else None
    if network == "bluesky":
        return f"profile/{segments[1]}" if first == "profile" and len(segments) == 2 else None
    if network == "snapchat":
        return f"add/{segments[1]}" if first == "add" and len(segments) >= 2 else None
    if network == "tumblr":
        # acme.tumblr.com (read by profile()), www.tumblr.com/acme
        return first if len(segments) == 1 and first.lower() not in reserved else None
    if network == "patreon" and first == "c" and len(segments) >= 2:
        return segments[1]  # patreon.com/c/acme
    if network == "googleplus":
        # plus.google.com/114105500734451830582, /+AcmeBakery, /b/1141…/ (a page one
        # manages), /u/0/1141…/posts and /u/0/b/1141…/1141… (signed in as the first account)
        if first == "u" and len(segments) >= 3:
            segments = segments[2:]
        profile = segments[1] if segments[0] == "b" and len(segments) >= 2 else segments[0]
        if (profile.isdigit() and len(profile) >= 15) or (profile.startswith("+") and len(profile) > 1):
            return profile
        return None
    if network == "xing":
        if first in ("profile", "companies", "pages") and len(segments) >= 2:
            return f"{first}/{segments[1]}"
        return None
    if first.lower() in reserved or len(segments) > 1:
        # a repository, a post, a board: not the account
        if network == "github" and first == "orgs" and len(segments) == 2:
            return segments[1]
        return None
    pattern = _HANDLE.get(network)
    return first if pattern is None or pattern.match(first) else None


def extract_socials(
    doc: Document, organisations: Iterable[dict[str, Any]], brand_words: Iterable[str], *, about_others: bool = False,
) -> list[dict[str, str]]:
    """The business's profiles the page links to or names. ``about_others``:
    a page of the menu about something else (the day trips nearby, the
    partners), whose body links to others' accounts: there only the
    header's and footer's, or one named like the business, are its own."""
    brands = {b for b in (_squash(word) for word in brand_words) if len(b) >= 4}
    found: dict[str, dict[str, str]] = {}
    for org in organisations:
        for url in text_values(org.get("sameAs")) + text_values(org.get("url")):
            entry = profile(url)
            if entry:
                found.setdefault(entry["url"], entry)
    declared = dict(found)  # the structured data's sameAs
    linked: dict[str, set[str]] = {}  # network -> the profiles the page links to
    in_body: dict[str, list[str]] = {}  # network -> urls taken from the page's body
    for anchor in doc.anchors:
        if len(found) >= MAX_PROFILES:
            break
        if anchor.flags & WIDGET:
            continue
        line = doc.line_of(anchor)
        if line is not None and line.third_party and anchor.text.strip() and anchor.text.strip() in line.text:
            # "Credits: theme © <a>StaticMania</a>": the designer's or host's
            # account. (An icon has no text, and so no line of its own.)
            continue
        if not anchor.text.strip() and _after_a_makers_credit(anchor.element):
            continue  # "Diseñado por Bruno Madozzo. <a><i class=fa-linkedin>": the designer's LinkedIn
        entry = profile(anchor.href)
        if entry is not None:
            linked.setdefault(entry["network"], set()).add(entry["url"])
        if entry is None or entry["url"] in found:
            continue
        # a WhatsApp chat (wa.me, an api.whatsapp.com/send button, its QR link)
        # is the site's WhatsApp wherever it stands, listed as wa.me/NUMBER
        # (its number is among the phones too); so is a zalo.me address, a
        # number's chat as wa.me's
        wa_me = entry["network"] in ("whatsapp", "zalo")
        # (a list of links in its body reads as a menu: only the header and footer count)
        if about_others and not wa_me and not anchor.flags & (HEADER | FOOTER) and not _brand_handle(entry, brands):
            continue
        if wa_me or _presented_as_own(anchor.flags, anchor.text, entry, brands) or _network_named_beside(doc, anchor, entry):
            found[entry["url"]] = entry
            if not anchor.flags & (HEADER | FOOTER | NAV) and not _brand_handle(entry, brands):
                in_body.setdefault(entry["network"], []).append(entry["url"])
    # The structured data naming another account than the page's own icons
    # on the same network ("motocrewcz" in sameAs, "motocrews.r.o" in the
    # footer) is out of date: none of its profiles is trusted over the links.
    if any(e["network"] in linked and url not in linked[e["network"]] for url, e in declared.items()):
        for url, entry in declared.items():
            if url not in linked.get(entry["network"], ()):
                found.pop(url, None)
    # "Instagram: @acme" written out, with no link: the profile it names
    for line in doc.lines:
        if line.third_party or line.flags & WIDGET or "@" not in line.text:
            continue
        for match in _TEXT_HANDLE.finditer(line.text):
            network = _TEXT_NETWORK[match.group(1).lower().replace(" ", "")]
            handle = match.group(2).rstrip(".")
            entry = profile(_TEXT_PROFILE[network].format(handle))
            if entry and (network != "x" or _HANDLE["x"].match(handle)):
                found.setdefault(entry["url"], entry)
    # Several profiles of one network in the body, none named like the
    # company: the team's own accounts (a staff page), not the company's.
    for network, urls in in_body.items():
        if len(urls) >= 2 and network != "whatsapp":
            for url in urls:
                found.pop(url, None)
    # (a profile the structured data alone names says so: another page's links may name another account)
    every_link = set().union(*linked.values()) if linked else set()
    return [{**entry, "source": "json-ld" if url in declared and url not in every_link else "link"}
            for url, entry in found.items()]


# How far before an icon a site maker's credit is read as the icon's caption
_CREDIT_REACH = 80
_CREDIT_NODES = 200


def _after_a_makers_credit(element: Any) -> bool:
    """An icon right after a site maker's credit, in its block: the text
    that comes before the icon in its parent (or the parent's parent) ends
    with the credit."""
    for ancestor in (element.getparent(), element.getparent().getparent() if element.getparent() is not None else None):
        if ancestor is None:
            return False
        before: list[str] = [ancestor.text or ""]
        for seen, node in enumerate(ancestor.iterdescendants()):
            if node is element or seen > _CREDIT_NODES:
                break
            if isinstance(node.tag, str) and node.tag not in ("script", "style"):
                before.append(node.text or "")  # (not a comment's or a script's text)
            before.append(node.tail or "")
        else:
            continue
        if node is not element:
            return False  # (a block of hundreds of elements is the page's body, not a credit's line)
        text = " ".join("".join(before).split())[-_CREDIT_REACH:]
        if SITE_MAKER.search(fold(text)):
            return True
    return False


# A link of a word or two ("ide", "here", "klik") …
_SHORT_LINK_WORDS = 3


def _network_named_beside(doc: Document, anchor: Any, entry: dict[str, str]) -> bool:
    """A short link under a heading that names its network: "Megtalálsz
    facebookon is! / Kattints ide" (the network's name inflected as the
    language inflects it)."""
    if len(anchor.text.split()) > _SHORT_LINK_WORDS or entry["network"] in ("whatsapp", "zalo"):
        return False
    name = re.compile(rf"(?<![a-z]){re.escape(entry['network'] if entry['network'] != 'x' else 'twitter')}")
    if name.search(fold(anchor.text)):
        return False  # "Jan op Instagram": a person's name on the network, not a link under its heading
    line = doc.lines[anchor.line - 1] if 0 < anchor.line <= len(doc.lines) else None
    return line is not None and not line.third_party and len(line.text.split()) <= 8 and bool(name.search(fold(line.text)))


def _brand_handle(entry: dict[str, str], brands: set[str]) -> bool:
    handle = _squash(entry["handle"])
    return len(handle) >= 4 and any(handle in brand or brand in handle for brand in brands)


def _presented_as_own(flags: int, text: str, entry: dict[str, str], brands: set[str]) -> bool:
    if flags & (HEADER | FOOTER | NAV):
        return True
    folded = fold(text).strip()
    if not folded or _FOLLOW_TEXT.search(folded) or _squash(folded) == _squash(entry["handle"]):
        return True  # an icon, "Follow us on Instagram", "@acme"
    if _squash(folded) in _NETWORK_NAMES.get(entry["network"], (entry["network"],)):
        return True  # the network's name for text, as an icon's ("<i class=bxl-facebook></i> - Facebook")
    if entry["network"] == "facebook" and len(folded.split()) <= _NAMING_MAX_WORDS and _MESSENGER.search(folded):
        return True  # a button to message the page, in any language: "Írj üzenetet Messengeren"
    return _brand_handle(entry, brands)


# What a link to a profile says when it says only where it leads.
_NETWORK_NAMES = {"x": ("x", "twitter"), "facebook": ("facebook", "fb"), "instagram": ("instagram", "insta", "ig"),
                  "youtube": ("youtube", "yt")}


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))
