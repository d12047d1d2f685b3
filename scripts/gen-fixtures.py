#!/usr/bin/env python3
"""Generate the Tier1 demo-tenant fixtures (Graph-shaped JSON) into fixtures/.

Deterministic: IDs are uuid5 over a fixed namespace and a stable name, filler variation comes from
random.Random(fixed seed), and every timestamp is computed relative to ANCHOR. Running the script twice
produces byte-identical output (the script checks this itself).

The shapes follow docs/fixtures-contract.md. After writing, the script verifies every cross-reference
and every scripted story, raises on any failure, and prints a count per file.

Usage:  python3 scripts/gen-fixtures.py
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import sys
import unicodedata
import uuid
from pathlib import Path

ANCHOR = dt.datetime(2026, 11, 20, 9, 0, 0, tzinfo=dt.timezone.utc)
ANCHOR_S = "2026-11-20T09:00:00Z"
NS = uuid.UUID("3f6c1e2a-9b7d-5c41-8e20-7a11d0c0ffee")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures"
ZERO_GUID = "00000000-0000-0000-0000-000000000000"
INTUNE_A_ID = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5"
# Fetched per collection in demo mode, never in the first load. Was 450 KB, which the tenant had outgrown
# (462,785 B) before issue 11 added phone numbers and the stories of every finding kind.
MAX_AURORA_BYTES = 560 * 1024

FILES = [
    "organization.json", "deviceManagement.json", "users.json", "groups.json", "managedDevices.json",
    "mobileApps.json", "deviceCompliancePolicies.json", "deviceConfigurations.json",
    "managedAppPolicies.json", "managedAppRegistrations.json", "deviceEnrollmentConfigurations.json",
    "troubleshootingEvents.json", "roleDefinitions.json", "roleAssignments.json", "operators.json",
]

PORTAL_FAILURE_REASONS = [
    "iOS/iPadOS Timeout or Failure", "User not found or licensed", "Device already enrolled",
    "Not onboarded into Intune", "Enrollment authorization failed", "Device not supported",
    "Enrollment restrictions not met", "Device version too low", "Device version too high",
    "Device cannot be enrolled as personal", "Device platform blocked", "Bulk token expired",
    "Autopilot device or details not found", "Autopilot profile not found or not assigned",
    "Autopilot enrollment method unexpected", "Autopilot device removed", "Device cap reached",
    "Apple onboarding", "Device not preregistered", "Feature not supported",
]
FAILURE_CATEGORIES = {
    "unknown", "authentication", "authorization", "accountValidation", "userValidation",
    "deviceNotSupported", "inMaintenance", "badRequest", "featureNotSupported",
    "enrollmentRestrictionsEnforced", "clientDisconnected", "userAbandonment",
}

# --------------------------------------------------------------------------------------------------
# small helpers


def gid(tenant: str, kind: str, name: str) -> str:
    return str(uuid.uuid5(NS, f"{tenant}:{kind}:{name}"))


def iso(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ago(days: float = 0, hours: float = 0, minutes: float = 0, seconds: float = 0) -> dt.datetime:
    t = ANCHOR - dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return t.replace(microsecond=0)


def pday(days: int) -> dt.datetime:
    """An admin-portal edit `days` before the anchor, at a fixed pseudo-random time of (European) working day."""
    return ago(days=days).replace(hour=7 + (days * 7) % 9, minute=(days * 13) % 60, second=(days * 29) % 60)


def parse(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    s = s.replace("æ", "ae").replace("Æ", "AE")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def upn_local(given: str, surname: str) -> str:
    g = re.sub(r"[^a-z0-9-]", "", ascii_fold(given).lower())
    s = re.sub(r"[^a-z0-9-]", "", ascii_fold(surname).lower())
    return f"{g}.{s}"


def hresult(h: int) -> int:
    """0x87D1041C -> -2016345060 (signed int32, as Graph reports errorCode)."""
    return h - (1 << 32) if h >= (1 << 31) else h


ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
APPLE_CH = "CDFGHJKLMNPQRTVWXY0123456789"
DIGITS = "0123456789"


def rs(rng: random.Random, n: int, chars: str = ALNUM) -> str:
    return "".join(rng.choice(chars) for _ in range(n))


def luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def imei(rng: random.Random, tac: str) -> str:
    return luhn_complete(tac + rs(rng, 14 - len(tac), DIGITS))


def serial_for(rng: random.Random, style: str) -> str:
    if style == "dell":
        return rs(rng, 7)
    if style == "hp":
        return f"5CG{rng.randint(3, 5)}{rng.randint(10, 52):02d}" + rs(rng, 4)
    if style == "lenovo":
        return "PF" + rs(rng, 6)
    if style == "surface":
        return "0" + rs(rng, 11, DIGITS)
    if style == "apple":
        return rs(rng, 10, APPLE_CH)
    if style == "samsung":
        return "R5C" + rs(rng, 8)
    if style == "google":
        return (rs(rng, 2, DIGITS) + rs(rng, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + rs(rng, 1, "ABCDEFGH") + "JH"
                + rs(rng, 6, DIGITS))
    if style == "oneplus":
        return rs(rng, 8, "0123456789abcdef")
    if style == "zebra":
        return "2" + rs(rng, 13, DIGITS)
    if style == "huawei":
        return rs(rng, 16)
    raise ValueError(style)


# --------------------------------------------------------------------------------------------------
# licensing catalogue (skuPartNumber -> skuId + service plans)

PLANS = {
    "EXCHANGE_S_ENTERPRISE": "efb87545-963c-4e0d-99df-69c6916d9eb0",
    "EXCHANGE_S_STANDARD": "9aaf7827-d63c-4b61-89c3-182f06f82e5c",
    "EXCHANGE_S_DESKLESS": "4a82b400-a79f-41a4-b4e2-e94f5787b113",
    "SHAREPOINTENTERPRISE": "5dbe027f-2339-4123-9542-606e4d348a72",
    "SHAREPOINTSTANDARD": "c7699d2e-19aa-44de-8edf-1736da088ca1",
    "SHAREPOINTDESKLESS": "902b47e5-dcb2-4fdc-858b-c63a90a2bdb9",
    "OFFICESUBSCRIPTION": "43de0ff5-c92c-492b-9116-175376d08c38",
    "OFFICEMOBILE_SUBSCRIPTION": "c63d4d19-e8cb-460e-b37c-4d6c34603745",
    "TEAMS1": "57ff2da0-773e-42df-b2af-ffb7a2317929",
    "MCOSTANDARD": "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
    "FORMS_PLAN_E1": "159f4cd6-e380-449f-a816-af1a9ef76344",
    "INTUNE_O365": "882e1d05-acd1-4ccb-8708-6ee03664b117",
    "AAD_PREMIUM": "41781fb2-bc02-4b7c-bd55-b576c07bb09d",
    "AAD_PREMIUM_P2": "eec0eb4f-6444-4f95-aba0-50c24d67f998",
    "MFA_PREMIUM": "8a256a2b-b617-496d-b51b-e76466e88db0",
    "INTUNE_A": INTUNE_A_ID,
    "RMS_S_ENTERPRISE": "bea4c11e-220a-4e6d-8eb8-8ea15d019f90",
    "RMS_S_PREMIUM": "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3",
    "RMS_S_PREMIUM2": "5689bec4-755d-4753-8b61-40975025187c",
    "ADALLOM_S_DISCOVERY": "932ad362-64a8-4783-9106-97849a1a30b9",
    "ADALLOM_S_STANDALONE": "2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2",
    "ATA": "14ab5db5-e6c4-4b20-b4bc-13e36fd2227f",
    "WIN10_PRO_ENT_SUB": "21b439ba-a0ca-424f-a6cc-52f954a5b111",
}

# Service plan lists are the help-desk-relevant subset of each SKU (Graph returns every plan; trimmed for size).
SKUS = {
    # Microsoft 365 E3
    "SPE_E3": ("05e9a617-0261-4cee-bb44-138d3ef5d965", [
        "EXCHANGE_S_ENTERPRISE", "OFFICESUBSCRIPTION", "TEAMS1", "AAD_PREMIUM", "INTUNE_A", "WIN10_PRO_ENT_SUB"]),
    # Microsoft 365 F3 (frontline / warehouse)
    "SPE_F1": ("66b55226-6b4f-492c-910c-a3b7a3c9d993", [
        "EXCHANGE_S_DESKLESS", "SHAREPOINTDESKLESS", "TEAMS1", "AAD_PREMIUM", "INTUNE_A"]),
    # Office 365 E1 - note: only INTUNE_O365 (Basic Mobility and Security), NOT Intune (INTUNE_A)
    "STANDARDPACK": ("18181a46-0d4e-45cd-891e-60aabd171b4e", [
        "EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "OFFICEMOBILE_SUBSCRIPTION", "TEAMS1", "INTUNE_O365"]),
    # Enterprise Mobility + Security E3
    "EMS": ("efccb6f7-5641-4e0e-bd10-b4976e1bf68e", [
        "AAD_PREMIUM", "MFA_PREMIUM", "INTUNE_A", "RMS_S_PREMIUM", "ADALLOM_S_DISCOVERY"]),
    # Enterprise Mobility + Security E5
    "EMSPREMIUM": ("b05e124f-c7cc-45a0-a6aa-8cf78c946968", [
        "AAD_PREMIUM", "AAD_PREMIUM_P2", "INTUNE_A", "RMS_S_PREMIUM2", "ADALLOM_S_STANDALONE", "ATA"]),
}

LICENSE_PROFILES = {
    "E3": ["SPE_E3"],
    "E3+EMS5": ["SPE_E3", "EMSPREMIUM"],
    "F3": ["SPE_F1"],
    "E1+EMS": ["STANDARDPACK", "EMS"],
    "E1": ["STANDARDPACK"],
    "E3-INTUNE_DISABLED": ["SPE_E3"],
}


def license_details(tenant: str, user_key: str, profile: str) -> list[dict]:
    out = []
    for sku in LICENSE_PROFILES[profile]:
        sku_id, plans = SKUS[sku]
        sps = []
        for p in plans:
            status = "Success"
            if profile == "E3-INTUNE_DISABLED" and p == "INTUNE_A":
                status = "Disabled"
            sps.append({"servicePlanId": PLANS[p], "servicePlanName": p, "provisioningStatus": status,
                        "appliesTo": "User"})
        out.append({"id": gid(tenant, "licenseDetail", f"{user_key}/{sku}"), "skuId": sku_id,
                    "skuPartNumber": sku, "servicePlans": sps})
    return out


def has_intune(user_out: dict) -> bool:
    return any(sp["servicePlanName"] == "INTUNE_A" and sp["provisioningStatus"] == "Success"
               for ld in user_out["licenseDetails"] for sp in ld["servicePlans"])


# --------------------------------------------------------------------------------------------------
# platform vocabulary

OS_NAME = {"windows": "Windows", "ios": "iOS", "ipados": "iPadOS", "android_wp": "Android",
           "android_ent": "Android", "macos": "macOS"}
ENTRA_OS_TYPE = {"windows": "Windows", "ios": "iPhone", "ipados": "iPad", "android_wp": "AndroidForWork",
                 "android_ent": "AndroidEnterprise", "macos": "MacMDM"}
MOBILE = {"ios", "ipados", "android_wp", "android_ent"}


def os_description(platform: str, osv: str) -> str:
    if platform == "windows":
        build = osv.split(".")[2]
        rel = {"26200": "25H2", "26100": "24H2", "22631": "23H2"}.get(build, "")
        return f"Windows 11 Enterprise {rel}".strip()
    if platform.startswith("android"):
        return f"Android {osv}"
    return f"{OS_NAME[platform]} {osv}"


# --------------------------------------------------------------------------------------------------
# Aurora Logistics: people

OFFICES = {
    "rotterdam": ("Rotterdam HQ - Waalhaven", "NL"),
    "antwerp": ("Antwerp - Port House", "BE"),
    "hamburg": ("Hamburg - Waltershof", "DE"),
    "lyon": ("Lyon - Gerland", "FR"),
    "madrid": ("Madrid - Coslada", "ES"),
    "gothenburg": ("Gothenburg - Arendal", "SE"),
    "london": ("London - Tilbury", "GB"),
}

# Office switchboards and mobile number prefixes, in each country's written form (callers give either).
# (switchboard prefix, mobile prefix, digits after the mobile prefix)
PHONE_PLAN = {
    "rotterdam": ("+31 10 555 0", "+31 6 ", 8), "antwerp": ("+32 3 555 0", "+32 470 ", 6),
    "hamburg": ("+49 40 5550 0", "+49 151 ", 8), "lyon": ("+33 4 55 50 0", "+33 6 ", 8),
    "madrid": ("+34 91 555 0", "+34 600 ", 6), "gothenburg": ("+46 31 555 0", "+46 70 ", 7),
    "london": ("+44 20 7946 0", "+44 7700 9", 5),
}


def phones(user_key: str, office: str) -> dict:
    """A mobile number and an office extension per user, from their own seed (the tenant's other draws stay as
    they were). Sanne's are fixed: the lookup tests find her by them."""
    switchboard, mobile, count = PHONE_PLAN[office]
    r = random.Random(f"phone:{user_key}")
    if user_key == "sanne":
        return {"mobilePhone": "+31 6 2847 3910", "businessPhones": ["+31 10 555 0142"]}
    digits = "".join(str(r.randint(0, 9)) for _ in range(count))
    grouped = digits if count <= 5 else f"{digits[:len(digits) // 2]} {digits[len(digits) // 2:]}"
    return {"mobilePhone": f"{mobile}{grouped}",
            "businessPhones": [f"{switchboard}{r.randint(100, 999)}"]}


# key, givenName, surname, department, jobTitle, office, license profile
AURORA_USERS = [
    # --- story users -------------------------------------------------------------------------------
    ("sanne", "Sanne", "de Vries", "Sales", "Account Manager", "rotterdam", "E3"),
    ("lucas", "Lucas", "Martin", "Customer Service", "Customer Service Agent", "lyon", "E1"),
    ("priya", "Priya", "Raman", "Logistics", "Transport Planner", "rotterdam", "E3"),
    ("tom", "Tom", "Becker", "Operations", "Operations Supervisor", "hamburg", "E3"),
    ("amara", "Amara", "Okafor", "Logistics", "Route Planning Lead", "rotterdam", "E3"),
    ("jonas", "Jonas", "Berg", "IT", "Endpoint Engineer", "gothenburg", "E3+EMS5"),
    ("emma", "Emma", "Laurent", "HR", "HR Business Partner", "lyon", "E3"),
    ("mark", "Mark", "Jansen", "Finance", "Accounts Payable Specialist", "rotterdam", "E3"),
    ("zoe", "Zoë", "Ångström-Núñez", "Operations", "Customs Compliance Officer", "madrid", "E1+EMS"),
    ("xss", "XSS", "Probe", "IT", "Security test account - do not delete", "london", "E1+EMS"),
    # --- everyone else -----------------------------------------------------------------------------
    ("daan", "Daan", "Visser", "Warehouse", "Warehouse Team Lead", "rotterdam", "F3"),
    ("femke", "Femke", "Bakker", "HR", "HR Advisor", "rotterdam", "E3"),
    ("joost", "Joost", "van der Meer", "Finance", "Financial Controller", "rotterdam", "E3"),
    ("ruud", "Ruud", "Hendriks", "IT", "IT Manager", "rotterdam", "E3+EMS5"),
    ("noor", "Noor", "El Amrani", "Customer Service", "Customer Service Team Lead", "rotterdam", "E3"),
    ("ananya", "Ananya", "Iyer", "Finance", "Finance Business Analyst", "rotterdam", "E3"),
    ("vikram", "Vikram", "Nair", "Logistics", "Fleet Coordinator", "rotterdam", "E3"),
    ("chinedu", "Chinedu", "Eze", "Operations", "Terminal Operations Manager", "rotterdam", "E3"),
    ("zofia", "Zofia", "Wiśniewska", "Warehouse", "Forklift Operator", "rotterdam", "F3"),
    ("pawel", "Paweł", "Kowalczyk", "Warehouse", "Inventory Clerk", "rotterdam", "F3"),
    ("willem", "Willem", "Brouwer", "Management", "Managing Director", "rotterdam", "E3"),
    ("fatima", "Fatima", "Bello", "Sales", "Sales Development Representative", "antwerp", "E3-INTUNE_DISABLED"),
    ("chloe", "Chloé", "Peeters", "Customer Service", "Customer Service Agent", "antwerp", "E1+EMS"),
    ("benoit", "Benoît", "Dupont", "Operations", "Customs Broker", "antwerp", "E3"),
    ("wout", "Wout", "Claes", "Warehouse", "Warehouse Supervisor", "antwerp", "F3"),
    ("jurgen", "Jürgen", "Schäfer", "Warehouse", "Shift Manager Warehouse", "hamburg", "F3"),
    ("katrin", "Katrin", "Weiß", "Finance", "Head of Finance", "hamburg", "E3"),
    ("felix", "Felix", "Köhler", "IT", "Service Desk Analyst", "hamburg", "E3"),
    ("anja", "Anja", "Groß", "Sales", "Key Account Manager", "hamburg", "E3"),
    ("elodie", "Élodie", "Dubois", "Sales", "Sales Manager France", "lyon", "E3"),
    ("theo", "Théo", "Lefèvre", "Logistics", "Dispatcher", "lyon", "E1+EMS"),
    ("lucia", "Lucía", "Fernández", "Sales", "Account Executive", "madrid", "E3"),
    ("inigo", "Íñigo", "Etxeberria", "Warehouse", "Warehouse Operative", "madrid", "F3"),
    ("mariajose", "María José", "García", "Finance", "Accountant", "madrid", "E3"),
    ("alvaro", "Álvaro", "Ruiz", "Logistics", "Route Planner", "madrid", "E3"),
    ("sigrid", "Sigrid", "Håkansson", "Logistics", "Logistics Coordinator", "gothenburg", "E3"),
    ("bjorn", "Björn", "Lindqvist", "Warehouse", "Warehouse Operative", "gothenburg", "F3"),
    ("asa", "Åsa", "Nyström", "HR", "Payroll Specialist", "gothenburg", "E3"),
    ("soren", "Søren", "Østergaard", "Operations", "Port Operations Analyst", "gothenburg", "E3"),
    ("ingrid", "Ingrid", "Solberg", "Sales", "Nordic Sales Lead", "gothenburg", "E3"),
    ("oliver", "Oliver", "Hughes", "Sales", "Business Development Manager", "london", "E3"),
    ("charlotte", "Charlotte", "Price", "Finance", "Credit Controller", "london", "E3"),
    ("arjun", "Arjun", "Mehta", "IT", "Cloud Infrastructure Engineer", "london", "E3+EMS5"),
    ("ngozi", "Ngozi", "Adeyemi", "Customer Service", "Customer Experience Specialist", "london", "E1+EMS"),
    ("seun", "Oluwaseun", "Adebayo", "IT", "Modern Workplace Engineer", "london", "E3+EMS5"),
    ("rohan", "Rohan", "Kapoor", "HR", "Talent Acquisition Partner", "london", "E3"),
]
STORY_KEYS = ["sanne", "lucas", "priya", "tom", "amara", "jonas", "emma", "mark", "zoe", "xss"]
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_DEVICE = "<script>alert('dev')</script>"
DISABLED_USERS = {"mark"}

DEPARTMENTS = ["Sales", "Operations", "Finance", "IT", "Warehouse", "HR", "Logistics", "Customer Service"]

# Device plan per user: list of (device key suffix, kind). Kinds:
#   win      corporate laptop, Windows Autopilot (Entra join)      win_dt  co-managed desktop (ConfigMgr + Intune)
#   iphone_corp / ipad_corp / mac_corp   Apple ADE, supervised      iphone_byod  personal iPhone, Company Portal
#   android_byod  personal Android Enterprise work profile          android_cope corporate-owned work profile
#   zebra    Zebra scanner, Android Enterprise fully managed
DEVICE_PLAN = {
    "sanne": [("laptop", "win"), ("iphone", "iphone_byod")],
    "priya": [("laptop", "win"), ("android", "android_byod")],
    "tom": [("laptop", "win"), ("iphone", "iphone_corp")],
    "amara": [("laptop", "win"), ("iphone", "iphone_corp")],
    "jonas": [("laptop", "win"), ("iphone", "iphone_corp"), ("ipad", "ipad_corp"), ("android", "android_byod"),
              ("mac", "mac_corp")],
    "emma": [("laptop", "win"), ("iphone", "iphone_corp"), ("ipad", "ipad_corp")],
    "mark": [("laptop", "win")],
    "zoe": [("mac", "mac_corp"), ("iphone", "iphone_byod")],
    "xss": [("laptop", "win")],
    "daan": [("desktop", "win_dt"), ("scanner", "zebra")],
    "femke": [("laptop", "win")],
    "joost": [("laptop", "win"), ("iphone", "iphone_corp")],
    "ruud": [("laptop", "win"), ("iphone", "iphone_corp")],
    "noor": [("laptop", "win")],
    "ananya": [("laptop", "win"), ("iphone", "iphone_byod")],
    "vikram": [("laptop", "win"), ("android", "android_cope")],
    "chinedu": [("laptop", "win"), ("android", "android_byod")],
    "zofia": [("scanner", "zebra")],
    "pawel": [("scanner", "zebra"), ("android", "android_byod")],
    "willem": [("laptop", "win"), ("iphone", "iphone_corp")],
    "fatima": [],
    "chloe": [("laptop", "win"), ("iphone", "iphone_byod")],
    "benoit": [("laptop", "win"), ("iphone", "iphone_corp")],
    "wout": [("desktop", "win_dt"), ("scanner", "zebra")],
    "jurgen": [("scanner", "zebra")],
    "katrin": [("laptop", "win"), ("iphone", "iphone_corp")],
    "felix": [("laptop", "win")],
    "anja": [("laptop", "win")],
    "elodie": [("laptop", "win")],
    "theo": [("laptop", "win"), ("android", "android_cope")],
    "lucia": [("laptop", "win"), ("iphone", "iphone_byod")],
    "inigo": [("scanner", "zebra")],
    "mariajose": [("laptop", "win")],
    "alvaro": [("laptop", "win"), ("android", "android_cope")],
    "sigrid": [("laptop", "win")],
    "bjorn": [("scanner", "zebra"), ("desktop", "win_dt")],
    "asa": [("laptop", "win")],
    "soren": [("laptop", "win"), ("android", "android_byod")],
    "ingrid": [("mac", "mac_corp"), ("iphone", "iphone_corp")],
    "oliver": [("laptop", "win"), ("iphone", "iphone_corp"), ("ipad", "ipad_corp")],
    "charlotte": [("laptop", "win"), ("iphone", "iphone_corp")],
    "arjun": [("laptop", "win"), ("mac", "mac_corp"), ("iphone", "iphone_corp")],
    "ngozi": [("laptop", "win"), ("android", "android_byod")],
    "seun": [("laptop", "win"), ("iphone", "iphone_corp")],
    "rohan": [("laptop", "win")],
    "lucas": [],
}

WIN_LAPTOPS = [("Dell Inc.", "Latitude 5450", "dell"), ("Dell Inc.", "Latitude 7450", "dell"),
               ("HP", "HP EliteBook 840 14 inch G11 Notebook PC", "hp"), ("LENOVO", "21ML003QMH", "lenovo"),
               ("Microsoft Corporation", "Surface Laptop, 7th Edition", "surface")]
WIN_DESKTOPS = [("Dell Inc.", "OptiPlex Micro 7020", "dell"), ("HP", "HP Elite Mini 800 G9 Desktop PC", "hp")]
WIN_VERSIONS = [("10.0.26100.8246", 45), ("10.0.26200.8246", 35), ("10.0.26100.8037", 12), ("10.0.22631.6199", 8)]
IPHONE_CORP = ["iPhone 16", "iPhone 17", "iPhone 16e", "iPhone 15"]
IPHONE_BYOD = ["iPhone 15 Pro", "iPhone 14", "iPhone 13", "iPhone 17 Pro Max", "iPhone 16 Plus"]
IOS_VERSIONS = [("27.1", 45), ("27.0.1", 20), ("26.7.2", 35)]
IPADS = ["iPad (A16)", "iPad Air 11-inch (M3)", "iPad Pro 11-inch (M4)"]
MACS = ["MacBook Air (13-inch, M4, 2025)", "MacBook Pro (14-inch, M5, 2025)", "MacBook Pro (16-inch, M4 Pro, 2024)"]
MAC_VERSIONS = [("27.1", 55), ("26.7.2", 45)]
ANDROID_BYOD = [("samsung", "SM-S931B", "samsung"), ("samsung", "SM-A566B", "samsung"),
                ("samsung", "SM-S921B", "samsung"), ("Google", "Pixel 9", "google"), ("Google", "Pixel 10", "google"),
                ("OnePlus", "CPH2581", "oneplus")]
ANDROID_COPE = [("samsung", "SM-G556B", "samsung"), ("samsung", "SM-S931B", "samsung")]
ZEBRAS = [("Zebra Technologies", "TC58", "zebra"), ("Zebra Technologies", "TC53", "zebra")]

# Apple MDM push certificate outage window (drives the "Apple onboarding" events): no Apple enrollment succeeds in it.
APNS_OUTAGE = (ago(days=78), ago(days=76))


def weighted(rng: random.Random, items):
    total = sum(w for _, w in items)
    r = rng.uniform(0, total)
    acc = 0.0
    for v, w in items:
        acc += w
        if r <= acc:
            return v
    return items[-1][0]


def android_wp_name(local: str, enrolled: dt.datetime, kind: str) -> str:
    h = enrolled.hour % 12 or 12
    ampm = "AM" if enrolled.hour < 12 else "PM"
    return f"{local}_{kind}_{enrolled.month}/{enrolled.day}/{enrolled.year}_{h}:{enrolled.minute:02d} {ampm}"


# --------------------------------------------------------------------------------------------------
# Aurora: per-device story overrides

DEVICE_OVERRIDES = {
    # Sanne: laptop name from the brief; personal iPhone without a passcode (noncompliant), Wi-Fi profile error.
    "sanne:laptop": {"name": "AUR-LT-0142", "model": ("Dell Inc.", "Latitude 7450", "dell"), "enrolled_days": 402,
                     "osv": "10.0.26100.8246"},
    "sanne:iphone": {"model_name": "iPhone 15", "osv": "27.1", "enrolled_days": 233, "sync_hours": 5.2},
    # Priya: Android work profile that stopped checking in exactly 45 days ago.
    "priya:laptop": {"name": "AUR-LT-0218"},
    "priya:android": {"model": ("samsung", "SM-S921B", "samsung"), "osv": "15",
                      "enrolled_at": dt.datetime(2025, 6, 26, 14, 22, 41, tzinfo=dt.timezone.utc),
                      "last_sync": ago(days=45)},
    "tom:laptop": {"name": "AUR-LT-0311", "model": ("LENOVO", "21ML003QMH", "lenovo"), "osv": "10.0.26200.8246",
                   "enrolled_days": 288},
    "amara:laptop": {"name": "AUR-LT-0457", "model": ("HP", "HP EliteBook 840 14 inch G11 Notebook PC", "hp"),
                     "osv": "10.0.26100.8246", "enrolled_days": 174},
    # Jonas: five enrollments, the newest 41 days ago (his device-cap event is 6 days ago).
    "jonas:laptop": {"name": "AUR-LT-0102", "enrolled_days": 610, "osv": "10.0.26200.8246"},
    "jonas:iphone": {"enrolled_days": 420, "model_name": "iPhone 17", "osv": "27.1"},
    "jonas:ipad": {"enrolled_days": 230, "osv": "27.1"},
    "jonas:android": {"enrolled_days": 95, "model": ("Google", "Pixel 10", "google"), "osv": "16"},
    "jonas:mac": {"enrolled_days": 41, "osv": "27.1"},
    "emma:laptop": {"name": "AUR-LT-0263",
                    "model": ("Microsoft Corporation", "Surface Laptop, 7th Edition", "surface"),
                    "osv": "10.0.26200.8246", "enrolled_days": 301},
    "emma:iphone": {"model_name": "iPhone 17", "osv": "27.1", "enrolled_days": 58},
    "emma:ipad": {"model_name": "iPad Air 11-inch (M3)", "osv": "27.1", "enrolled_days": 199},
    "mark:laptop": {"name": "AUR-LT-0188", "last_sync": ago(days=19, hours=3, minutes=12), "enrolled_days": 655,
                    "osv": "10.0.26100.8037"},
    "zoe:mac": {"osv": "27.1", "enrolled_days": 140, "model_name": "MacBook Air (13-inch, M4, 2025)"},
    "zoe:iphone": {"osv": "26.7.2", "enrolled_days": 350, "model_name": "iPhone 14"},
    "xss:laptop": {"name": XSS_DEVICE, "osv": "10.0.26100.8246", "enrolled_days": 77},
    # filler scenarios
    "vikram:laptop": {"encrypted": False, "osv": "10.0.26100.8246"},              # BitLocker never started (TPM)
    "lucia:iphone": {"model_name": "iPhone 12", "osv": "17.7.2", "enrolled_days": 690},  # below iOS minimum
    "pawel:android": {"jailbroken": "True", "model": ("samsung", "SM-A566B", "samsung"), "osv": "15",
                      "enrolled_days": 160},                                      # rooted
    "ingrid:mac": {"encrypted": False, "osv": "26.7.2", "enrolled_days": 37},     # FileVault not enabled
    "bjorn:desktop": {"last_sync": ago(days=33, hours=6, minutes=40)},          # shared desktop switched off
    "ananya:iphone": {"model_name": "iPhone 11", "osv": "26.7.2"},                # enrolled after updating iOS
}

# Devices that were successfully enrolled after an enrollment-failure event (the event refers to this device's id).
SUCCESS_AFTER = {}  # filled from the event table below: device key -> enrolled datetime


# --------------------------------------------------------------------------------------------------
# Aurora: groups

def aurora_groups():
    """(key, displayName, description, kind, spec). kind: assigned | dynamicUser | dynamicDevice."""
    g = []
    g.append(("all_staff", "All Staff", "Every Aurora Logistics employee, via the regional staff groups. "
              "Used for baseline policies and the standard device limit.", "assigned",
              {"groups": ["staff_benelux", "staff_dach", "staff_south", "staff_nordics_uk"]}))
    g.append(("staff_benelux", "Staff - Benelux", "Rotterdam and Antwerp offices.", "assigned",
              {"groups": ["office_rotterdam", "office_antwerp"]}))
    g.append(("staff_dach", "Staff - DACH", "German-speaking offices.", "assigned", {"groups": ["office_hamburg"]}))
    g.append(("staff_south", "Staff - France & Spain", "Lyon and Madrid offices.", "assigned",
              {"groups": ["office_lyon", "office_madrid"]}))
    g.append(("staff_nordics_uk", "Staff - Nordics & UK", "Gothenburg and London offices.", "assigned",
              {"groups": ["office_gothenburg", "office_london"]}))
    office_names = {"rotterdam": "Office - Rotterdam HQ", "antwerp": "Office - Antwerp", "hamburg": "Office - Hamburg",
                    "lyon": "Office - Lyon", "madrid": "Office - Madrid", "gothenburg": "Office - Gothenburg",
                    "london": "Office - London"}
    for o, name in office_names.items():
        g.append((f"office_{o}", name, f"People based at {OFFICES[o][0]}. Maintained by HR onboarding.", "assigned",
                  {"office": o}))
    for d in DEPARTMENTS:
        g.append((f"dept_{d.lower().replace(' ', '_')}", f"Dept - {d} (dynamic)",
                  f"All users whose department is {d}.", "dynamicUser",
                  {"rule": f'user.department -eq "{d}"', "department": d}))
    g.append(("dev_ipad", "Devices - iPad (dynamic)", "All iPads registered in Entra ID.", "dynamicDevice",
              {"rule": 'device.deviceOSType -eq "iPad"', "pred": lambda d: d["platform"] == "ipados"}))
    g.append(("dev_ios_corp", "Devices - Corporate iOS/iPadOS (dynamic)", "Company-owned iPhones and iPads (ADE).",
              "dynamicDevice",
              {"rule": '(device.deviceOSType -in ["iPhone","iPad"]) -and (device.deviceOwnership -eq "Company")',
               "pred": lambda d: d["platform"] in ("ios", "ipados") and d["owner"] == "company"}))
    g.append(("dev_win_corp", "Devices - Corporate Windows (dynamic)", "Company-owned Windows devices.",
              "dynamicDevice",
              {"rule": '(device.deviceOSType -eq "Windows") -and (device.deviceOwnership -eq "Company")',
               "pred": lambda d: d["platform"] == "windows" and d["owner"] == "company"}))
    g.append(("dev_android_ent", "Devices - Android Enterprise corporate (dynamic)",
              "Fully managed and corporate-owned work profile Android devices.", "dynamicDevice",
              {"rule": 'device.deviceOSType -eq "AndroidEnterprise"',
               "pred": lambda d: d["platform"] == "android_ent"}))
    g.append(("dev_macos", "Devices - macOS (dynamic)", "All Macs enrolled in Intune.", "dynamicDevice",
              {"rule": 'device.deviceOSType -eq "MacMDM"', "pred": lambda d: d["platform"] == "macos"}))
    g.append(("vpn_users", "VPN Users", "Users who get the Aurora VPN (Windows) profile. Request via the IT portal.",
              "assigned", {"users": ["jonas", "ruud", "arjun", "seun", "katrin", "joost", "willem", "charlotte"]
                           + TARGETING_VPN_USERS, "groups": ["sales_field"]}))
    g.append(("sales_field", "Sales Field Team", "Account managers who work from customer sites.", "assigned",
              {"users": ["sanne", "oliver", "anja", "elodie", "lucia", "ingrid"]}))
    g.append(("pilot", "Intune Pilot Ring", "IT staff who receive Windows updates and new policies first.",
              "assigned", {"users": ["jonas", "ruud", "arjun", "seun", "felix"]}))
    g.append(("route_planner", "Route Planner Users", "Users who need Aurora Route Planner on Windows.", "assigned",
              {"groups": ["dept_logistics", "dept_operations", "dept_warehouse"]}))
    g.append(("warehouse_scanners", "Warehouse Scanners", "Zebra handhelds used on the warehouse floor.", "assigned",
              {"device_pred": lambda d: d["kind"] == "zebra"}))
    g.extend(devstate_groups())
    g += targeting_groups()
    return g


# --------------------------------------------------------------------------------------------------
# Aurora: targeting ("why not?") stories
#
# Tom Becker keeps his VPN story: "Aurora VPN (Windows)" targets VPN Users, which he is not in, so his laptop
# never gets it (a connectivity profile that does not reach a device of his). Emma Laurent is in VPN Users, so
# the same rule finds nothing for her. Benoît Dupont's iPhone does not get "Aurora Staff Wi-Fi (iOS/iPadOS)":
# the profile excludes "Staff Wi-Fi - Excluded", which holds the group "Customs Brokers - External", which
# holds him; an exclusion through a nested group (Benoît Dupont → Customs Brokers - External → Staff Wi-Fi -
# Excluded). Nothing here draws from a random generator; profile states do not either, so the rest of the
# tenant stays as it was.

TARGETING_VPN_USERS = ["emma"]


def targeting_groups():
    return [
        ("wifi_excluded", "Staff Wi-Fi - Excluded", "Accounts that must use the guest Wi-Fi, not AURORA-STAFF. "
         "Add groups, not people.", "assigned", {"groups": ["customs_external"]}),
        ("customs_external", "Customs Brokers - External", "Customs brokers on contract from the customs agency.",
         "assigned", {"users": ["benoit"]}),
    ]


def check_targeting(files: dict):
    users = {u["userPrincipalName"]: u for u in files["users.json"]["value"]}
    devices = files["managedDevices.json"]["value"]
    groups = {g["displayName"]: g for g in files["groups.json"]["value"]}
    cfgs = {c["displayName"]: c for c in files["deviceConfigurations.json"]["value"]}

    def member_ids(g, kind):
        return {m["id"] for m in g["members"] if m["@odata.type"] == f"#microsoft.graph.{kind}"}

    def states(u, name):
        return [s for d in devices if d["userId"] == u["id"] for s in d["deviceConfigurationStates"]
                if s["displayName"] == name]

    emma, tom = users["emma.laurent@aurora-logistics.example"], users["tom.becker@aurora-logistics.example"]
    benoit = users["benoit.dupont@aurora-logistics.example"]
    vpn_group = groups["VPN Users"]
    check(emma["id"] in member_ids(vpn_group, "user") and states(emma, "Aurora VPN (Windows)"),
          "targeting: emma is in VPN Users and her laptop has the VPN")
    check(tom["id"] not in member_ids(vpn_group, "user") and not states(tom, "Aurora VPN (Windows)"),
          "targeting: tom is not in VPN Users and has no VPN state")
    excluded, customs = groups["Staff Wi-Fi - Excluded"], groups["Customs Brokers - External"]
    check(member_ids(excluded, "group") == {customs["id"]} and not member_ids(excluded, "user"),
          "targeting: the Wi-Fi exclusion group holds only the customs group")
    check(member_ids(customs, "user") == {benoit["id"]}, "targeting: benoit is directly in the customs group")
    wifi = cfgs["Aurora Staff Wi-Fi (iOS/iPadOS)"]
    targets = [(a["target"]["@odata.type"], a["target"].get("groupId")) for a in wifi["assignments"]]
    check(("#microsoft.graph.exclusionGroupAssignmentTarget", excluded["id"]) in targets,
          "targeting: the iOS staff Wi-Fi excludes Staff Wi-Fi - Excluded")
    check(any(d["userId"] == benoit["id"] and d["operatingSystem"] == "iOS" for d in devices)
          and not states(benoit, "Aurora Staff Wi-Fi (iOS/iPadOS)"), "targeting: benoit's iPhone has no staff Wi-Fi")


# --------------------------------------------------------------------------------------------------
# Aurora: policies, profiles, apps

def T(kind, ref=None):
    return (kind, ref)


COMPLIANCE = [
    dict(key="cp_win", odata="#microsoft.graph.windows10CompliancePolicy", name="Windows 11 - Baseline compliance",
         desc="BitLocker, Secure Boot, password and minimum OS build for every Windows device.",
         platforms={"windows"}, ptype="windows10AndLater", version=7, created=pday(880), modified=pday(64),
         settings={"passwordRequired": True, "bitLockerEnabled": True, "secureBootEnabled": True,
                   "osMinimumVersion": "10.0.22631.0"},
         targets=[T("group", "all_staff")]),
    dict(key="cp_ios", odata="#microsoft.graph.iosCompliancePolicy", name="iOS/iPadOS - Standard compliance",
         desc="Passcode, jailbreak detection and minimum iOS/iPadOS version for all iPhones and iPads.",
         platforms={"ios", "ipados"}, ptype="iOS", version=5, created=pday(870), modified=pday(120),
         settings={"passcodeRequired": True, "passcodeMinimumLength": 6, "securityBlockJailbrokenDevices": True,
                   "osMinimumVersion": "18.0"},
         targets=[T("group", "all_staff")]),
    dict(key="cp_awp", odata="#microsoft.graph.androidWorkProfileCompliancePolicy",
         name="Android work profile - BYOD compliance",
         desc="Personal Android phones with a work profile: password, Play Integrity and minimum Android version.",
         platforms={"android_wp"}, ptype="androidForWork", version=4, created=pday(760), modified=pday(210),
         settings={"passwordRequired": True, "securityBlockJailbrokenDevices": True,
                   "securityRequireSafetyNetAttestationBasicIntegrity": True, "osMinimumVersion": "13.0"},
         targets=[T("group", "all_staff")]),
    dict(key="cp_ado", odata="#microsoft.graph.androidDeviceOwnerCompliancePolicy",
         name="Android Enterprise - Corporate devices compliance",
         desc="Zebra scanners and corporate-owned Samsung phones (fully managed / COPE).",
         platforms={"android_ent"}, ptype="androidForWork", version=3, created=pday(700), modified=pday(300),
         settings={"passwordRequired": True, "osMinimumVersion": "13.0",
                   "securityRequireSafetyNetAttestationBasicIntegrity": True},
         targets=[T("group", "dev_android_ent")]),
    dict(key="cp_mac", odata="#microsoft.graph.macOSCompliancePolicy", name="macOS - Standard compliance",
         desc="FileVault, System Integrity Protection, password and minimum macOS version.",
         platforms={"macos"}, ptype="macOS", version=3, created=pday(610), modified=pday(95),
         settings={"passwordRequired": True, "storageRequireEncryption": True,
                   "systemIntegrityProtectionEnabled": True, "osMinimumVersion": "15.0"},
         targets=[T("group", "all_staff")]),
    dict(key="cp_winfin", odata="#microsoft.graph.windows10CompliancePolicy",
         name="Windows - Finance (Defender risk and TPM)",
         desc="Extra requirements for Finance: TPM, Microsoft Defender and Defender for Endpoint risk at most Medium.",
         platforms={"windows"}, ptype="windows10AndLater", version=2, created=pday(330), modified=pday(44),
         settings={"tpmRequired": True, "defenderEnabled": True, "deviceThreatProtectionEnabled": True,
                   "deviceThreatProtectionRequiredSecurityLevel": "medium"},
         targets=[T("group", "dept_finance")]),
]

DEFAULT_POLICY = dict(key="cp_default", name="Default Device Compliance Policy", ptype="all", version=1,
                      settings_named=[("DefaultDeviceCompliancePolicy.RequireRemainContact", "Is active"),
                                      ("DefaultDeviceCompliancePolicy.RequireUserExistence", "Enrolled user exists"),
                                      ("DefaultDeviceCompliancePolicy.RequireDeviceCompliancePolicyAssigned",
                                       "Has a compliance policy assigned")])

CONFIGS = [
    dict(key="dc_ioswifi", odata="#microsoft.graph.iosWiFiConfiguration", name="Aurora Staff Wi-Fi (iOS/iPadOS)",
         desc="Joins AURORA-STAFF automatically on iPhones and iPads.", platforms={"ios", "ipados"}, ptype="iOS",
         version=3, created=pday(820), modified=pday(150),
         settings={"networkName": "AURORA-STAFF", "ssid": "AURORA-STAFF", "connectAutomatically": True,
                   "wiFiSecurityType": "wpa2Personal"},
         # Excludes a group of groups: Benoît Dupont's story (see "targeting" below).
         targets=[T("group", "all_staff"), T("exclude", "wifi_excluded")]),
    dict(key="dc_winwifi", odata="#microsoft.graph.windowsWifiConfiguration", name="Aurora Staff Wi-Fi (Windows)",
         desc="Joins AURORA-STAFF automatically on corporate Windows devices.", platforms={"windows"},
         ptype="windows10AndLater", version=2, created=pday(815), modified=pday(150),
         settings={"networkName": "AURORA-STAFF", "ssid": "AURORA-STAFF", "connectAutomatically": True,
                   "securityType": "wpa2Personal"},
         targets=[T("group", "dev_win_corp")]),
    dict(key="dc_vpn", odata="#microsoft.graph.windows10VpnConfiguration", name="Aurora VPN (Windows)",
         desc="IKEv2 Always On VPN to the Rotterdam datacentre. Assigned only to the VPN Users group.",
         platforms={"windows"}, ptype="windows10AndLater", version=6, created=pday(640), modified=pday(31),
         settings={"connectionName": "Aurora VPN", "connectionType": "ikEv2",
                   "servers": [{"description": "Rotterdam DC", "address": "vpn.aurora-logistics.example",
                                "isDefaultServer": True}],
                   "enableSplitTunneling": True},
         targets=[T("group", "vpn_users")]),
    dict(key="dc_ring_broad", odata="#microsoft.graph.windowsUpdateForBusinessConfiguration",
         name="Windows Update ring - Broad", desc="Quality updates after 7 days, feature updates after 60 days.",
         platforms={"windows"}, ptype="windows10AndLater", version=9, created=pday(900), modified=pday(22),
         settings={"qualityUpdatesDeferralPeriodInDays": 7, "featureUpdatesDeferralPeriodInDays": 60,
                   "automaticUpdateMode": "autoInstallAtMaintenanceTime", "deadlineForQualityUpdatesInDays": 3},
         targets=[T("group", "all_staff"), T("exclude", "pilot")]),
    dict(key="dc_ring_pilot", odata="#microsoft.graph.windowsUpdateForBusinessConfiguration",
         name="Windows Update ring - Pilot", desc="IT pilot ring: no deferral.",
         platforms={"windows"}, ptype="windows10AndLater", version=4, created=pday(900), modified=pday(22),
         settings={"qualityUpdatesDeferralPeriodInDays": 0, "featureUpdatesDeferralPeriodInDays": 0,
                   "automaticUpdateMode": "autoInstallAtMaintenanceTime", "deadlineForQualityUpdatesInDays": 2},
         targets=[T("group", "pilot")]),
    dict(key="dc_iosres", odata="#microsoft.graph.iosGeneralDeviceConfiguration",
         name="iOS/iPadOS - Corporate device restrictions",
         desc="Supervised (ADE) iPhones and iPads: passcode, no AirDrop, no iCloud backup.",
         platforms={"ios", "ipados"}, ptype="iOS", version=4, created=pday(800), modified=pday(240),
         settings={"passcodeRequired": True, "airDropBlocked": True, "iCloudBlockBackup": True,
                   "appStoreBlockInAppPurchases": True},
         targets=[T("group", "dev_ios_corp")]),
    dict(key="dc_awp", odata="#microsoft.graph.androidWorkProfileGeneralDeviceConfiguration",
         name="Android work profile - BYOD restrictions",
         desc="Keeps work data inside the work profile on personal Android phones.",
         platforms={"android_wp"}, ptype="androidForWork", version=2, created=pday(750), modified=pday(400),
         settings={"workProfileBlockScreenCapture": True, "workProfileDataSharingType": "preventAny",
                   "workProfileBlockCrossProfileCopyPaste": True},
         targets=[T("group", "all_staff")]),
    dict(key="dc_zebra", odata="#microsoft.graph.androidDeviceOwnerGeneralDeviceConfiguration",
         name="Android Enterprise - Warehouse scanner lockdown",
         desc="Managed Home Screen multi-app kiosk for Zebra scanners.",
         platforms={"android_ent"}, ptype="androidForWork", version=8, created=pday(690), modified=pday(75),
         settings={"kioskModeUseManagedHomeScreenApp": "multiAppMode", "screenCaptureBlocked": True,
                   "factoryResetBlocked": True},
         targets=[T("group", "warehouse_scanners")]),
    dict(key="dc_macres", odata="#microsoft.graph.macOSGeneralDeviceConfiguration",
         name="macOS - Corporate device restrictions", desc="Password rules and AirDrop block for Macs.",
         platforms={"macos"}, ptype="macOS", version=2, created=pday(600), modified=pday(260),
         settings={"passwordRequired": True, "passwordMinimumLength": 10, "airDropBlocked": True},
         targets=[T("group", "all_staff")]),
]

WIN = {"windows"}
IOSLIKE = {"ios", "ipados"}
ANDROID = {"android_wp", "android_ent"}

APPS = [
    dict(key="m365", odata="#microsoft.graph.officeSuiteApp", name="Microsoft 365 Apps for Windows",
         desc="Word, Excel, PowerPoint, Outlook and OneNote. Monthly Enterprise Channel, 64-bit.",
         publisher="Microsoft", platforms=WIN, version="16.0.19328.20190", created=pday(890), modified=pday(35),
         extra={"productIds": ["o365ProPlusRetail"], "updateChannel": "monthlyEnterprise",
                "officePlatformArchitecture": "x64", "autoAcceptEula": True},
         assign=[("required", T("allLicensedUsers"))]),
    dict(key="edge", odata="#microsoft.graph.windowsMicrosoftEdgeApp", name="Microsoft Edge Beta",
         desc="Edge Beta channel for the IT pilot ring (Stable ships with Windows 11).", publisher="Microsoft",
         platforms=WIN, version="143.0.3650.28", created=pday(885), modified=pday(400),
         extra={"channel": "beta", "displayLanguageLocale": None},
         assign=[("required", T("group", "pilot"))]),
    dict(key="cp_win", odata="#microsoft.graph.winGetApp", name="Company Portal",
         desc="Intune Company Portal from the Microsoft Store.", publisher="Microsoft Corporation", platforms=WIN,
         version="11.2.1495.0", created=pday(700), modified=pday(700),
         extra={"packageIdentifier": "9WZDNCRFJ3PZ", "installExperience": {"runAsAccount": "user"}},
         assign=[("required", T("allDevices"))]),
    dict(key="routeplanner", odata="#microsoft.graph.win32LobApp", name="Aurora Route Planner",
         desc="In-house route and load planning tool. Needs the .NET 8 Desktop Runtime (dependency).",
         publisher="Aurora Logistics B.V.", platforms=WIN, version="4.2.1", created=pday(540),
         modified=pday(16),
         extra={"fileName": "AuroraRoutePlanner_4.2.1_x64.intunewin", "setupFilePath": "RoutePlannerSetup.exe",
                "installCommandLine": "RoutePlannerSetup.exe /S /norestart",
                "uninstallCommandLine": "\"%ProgramFiles%\\Aurora\\Route Planner\\uninstall.exe\" /S",
                "applicableArchitectures": "x64"},
         assign=[("required", T("group", "route_planner"))]),
    dict(key="sapgui", odata="#microsoft.graph.win32LobApp", name="SAP GUI for Windows 8.00",
         desc="SAP GUI with the Aurora landscape file.", publisher="SAP SE", platforms=WIN, version="8.00.10",
         created=pday(460), modified=pday(90),
         extra={"fileName": "SAPGUI_800_PL10.intunewin", "setupFilePath": "SapGuiSetup\\NwSapSetup.exe",
                "installCommandLine": "NwSapSetup.exe /Silent /Package=\"AuroraSAPGUI\"",
                "uninstallCommandLine": "NwSapSetup.exe /Silent /Product=\"SAPGUI\" /Uninstall",
                "applicableArchitectures": "x64"},
         assign=[("required", T("group", "dept_finance"))]),
    dict(key="7zip", odata="#microsoft.graph.win32LobApp", name="7-Zip 25.01 (x64)",
         desc="File archiver, available for IT staff in Company Portal.", publisher="Igor Pavlov", platforms=WIN,
         version="25.01", created=pday(300), modified=pday(110),
         extra={"fileName": "7z2501-x64.intunewin", "setupFilePath": "7z2501-x64.msi",
                "installCommandLine": "msiexec /i \"7z2501-x64.msi\" /qn",
                "uninstallCommandLine": "msiexec /x \"{23170F69-40C1-2702-2501-000001000000}\" /qn",
                "applicableArchitectures": "x64"},
         assign=[("available", T("group", "dept_it"))]),
    dict(key="acrobat", odata="#microsoft.graph.winGetApp", name="Adobe Acrobat Reader DC",
         desc="PDF reader from the Microsoft Store (winget).", publisher="Adobe Inc.", platforms=WIN,
         version="25.001.20880", created=pday(520), modified=pday(520),
         extra={"packageIdentifier": "XPDP273C0XHQH2", "installExperience": {"runAsAccount": "system"}},
         assign=[("available", T("group", "dept_finance")), ("available", T("group", "dept_hr")),
                 ("available", T("group", "dept_sales"))]),
    dict(key="outlook_ios", odata="#microsoft.graph.iosStoreApp", name="Microsoft Outlook",
         desc="Outlook for iPhone and iPad.", publisher="Microsoft Corporation", platforms=IOSLIKE,
         version="4.2545.0", created=pday(880), modified=pday(880),
         extra={"bundleId": "com.microsoft.Office.Outlook",
                "appStoreUrl": "https://apps.apple.com/app/microsoft-outlook/id951937596",
                "applicableDeviceType": {"iPad": True, "iPhoneAndIPod": True}},
         assign=[("required", T("allLicensedUsers"))]),
    dict(key="teams_ios", odata="#microsoft.graph.iosVppApp", name="Microsoft Teams",
         desc="Teams for iPhone and iPad (Apple Business Manager licences).", publisher="Microsoft Corporation",
         platforms=IOSLIKE, version="7.24.1", created=pday(860), modified=pday(12),
         extra={"bundleId": "com.microsoft.skype.teams",
                "appStoreUrl": "https://apps.apple.com/app/microsoft-teams/id1113153706",
                "vppTokenAppleId": "abm-apps@aurora-logistics.example", "totalLicenseCount": 60,
                "usedLicenseCount": 0,
                "licensingType": {"supportsUserLicensing": True, "supportsDeviceLicensing": True}},
         assign=[("required", T("allLicensedUsers"))]),
    dict(key="salesforce_ios", odata="#microsoft.graph.iosStoreApp", name="Salesforce",
         desc="Salesforce mobile app for the sales team.", publisher="Salesforce.com, inc.",
         platforms=IOSLIKE, version="258.020", created=pday(610), modified=pday(610),
         extra={"bundleId": "com.salesforce.chatter",
                "appStoreUrl": "https://apps.apple.com/app/salesforce/id404249815",
                "applicableDeviceType": {"iPad": True, "iPhoneAndIPod": True}},
         assign=[("required", T("group", "dept_sales"))]),
    dict(key="outlook_android", odata="#microsoft.graph.androidManagedStoreApp", name="Microsoft Outlook",
         desc="Outlook for Android (managed Google Play).", publisher="Microsoft Corporation", platforms=ANDROID,
         version="4.2545.2", created=pday(760), modified=pday(760),
         extra={"packageId": "com.microsoft.office.outlook", "appIdentifier": "com.microsoft.office.outlook",
                "appStoreUrl": "https://play.google.com/store/apps/details?id=com.microsoft.office.outlook",
                "isPrivate": False, "isSystemApp": False},
         assign=[("required", T("allLicensedUsers"))]),
    dict(key="teams_android", odata="#microsoft.graph.androidManagedStoreApp", name="Microsoft Teams",
         desc="Teams for Android (managed Google Play).", publisher="Microsoft Corporation", platforms=ANDROID,
         version="1416/1.0.0.2025183001", created=pday(760), modified=pday(760),
         extra={"packageId": "com.microsoft.teams", "appIdentifier": "com.microsoft.teams",
                "appStoreUrl": "https://play.google.com/store/apps/details?id=com.microsoft.teams",
                "isPrivate": False, "isSystemApp": False},
         assign=[("required", T("allLicensedUsers"))]),
    dict(key="epod", odata="#microsoft.graph.androidManagedStoreApp", name="Aurora ePOD",
         desc="Electronic proof of delivery for drivers and dispatchers (private managed Google Play app).",
         publisher="Aurora Logistics B.V.", platforms=ANDROID, version="3.8.0", created=pday(400),
         modified=pday(28),
         extra={"packageId": "com.auroralogistics.epod", "appIdentifier": "com.auroralogistics.epod",
                "appStoreUrl": "https://play.google.com/work/apps/details?id=com.auroralogistics.epod",
                "isPrivate": True, "isSystemApp": False},
         assign=[("required", T("group", "dept_logistics"))]),
    dict(key="cp_mac", odata="#microsoft.graph.macOSLobApp", name="Company Portal for macOS",
         desc="Intune Company Portal for Mac (PKG).", publisher="Microsoft", platforms={"macos"},
         version="5.2510.1", created=pday(590), modified=pday(40),
         extra={"bundleId": "com.microsoft.CompanyPortalMac", "buildNumber": "5.2510.1",
                "versionNumber": "5.2510.1", "fileName": "CompanyPortal-Installer.pkg"},
         assign=[("required", T("group", "all_staff"))]),
    dict(key="timesheets", odata="#microsoft.graph.webApp", name="Aurora Time & Expenses",
         desc="Web link to the timesheet and expenses portal (opens in Edge).", publisher="Aurora Logistics B.V.",
         platforms=IOSLIKE | ANDROID, version=None, created=pday(480), modified=pday(480),
         extra={"appUrl": "https://timesheets.aurora-logistics.example/", "useManagedBrowser": True},
         assign=[("available", T("group", "sales_field")), ("available", T("group", "dept_logistics"))]),
    # Assigned to a device group: it reaches the scanners' users only through their devices. Its statuses draw
    # from their own generator, so the shared one (and every file after this app) stays as it was.
    dict(key="scanpack", odata="#microsoft.graph.androidManagedStoreApp", name="Aurora Scan & Pack",
         desc="Pick, scan and pack on the warehouse floor (private managed Google Play app for the Zebra handhelds).",
         publisher="Aurora Logistics B.V.", platforms=ANDROID, version="2.4.1", created=pday(300),
         modified=pday(35),
         extra={"packageId": "com.auroralogistics.scanpack", "appIdentifier": "com.auroralogistics.scanpack",
                "appStoreUrl": "https://play.google.com/work/apps/details?id=com.auroralogistics.scanpack",
                "isPrivate": True, "isSystemApp": False},
         assign=[("required", T("group", "warehouse_scanners"))], own_rng=True),
]

MAM_POLICIES = [
    dict(key="app_ios_std", odata="#microsoft.graph.iosManagedAppProtection", name="APP - iOS/iPadOS Standard",
         desc="Microsoft 365 apps on iPhone/iPad: PIN, no copy/paste to unmanaged apps, backup blocked.",
         platform="ios", minos="17.0", version="12", created=pday(820), modified=pday(70),
         apps=["outlook", "teams", "edge", "onedrive", "word", "excel"], targets=[T("group", "all_staff")]),
    dict(key="app_android_std", odata="#microsoft.graph.androidManagedAppProtection", name="APP - Android Standard",
         desc="Microsoft 365 apps on Android: PIN, no copy/paste to personal apps, screen capture blocked.",
         platform="android", minos="12.0", version="9", created=pday(815), modified=pday(70),
         apps=["outlook", "teams", "edge", "onedrive", "word", "excel"], targets=[T("group", "all_staff")]),
    dict(key="app_ios_fin", odata="#microsoft.graph.iosManagedAppProtection", name="APP - iOS/iPadOS Finance (strict)",
         desc="Finance: 6-digit PIN, 30 minute re-check, no save to personal storage, min iOS 18.",
         platform="ios", minos="18.0", version="4", created=pday(300), modified=pday(44),
         apps=["outlook", "teams", "edge", "onedrive", "word", "excel"], targets=[T("group", "dept_finance")]),
    dict(key="app_android_fin", odata="#microsoft.graph.androidManagedAppProtection",
         name="APP - Android Finance (strict)",
         desc="Finance: 6-digit PIN, 30 minute re-check, no save to personal storage, min Android 14.",
         platform="android", minos="14.0", version="4", created=pday(300), modified=pday(44),
         apps=["outlook", "teams", "edge", "onedrive", "word", "excel"], targets=[T("group", "dept_finance")]),
    dict(key="app_android_epod", odata="#microsoft.graph.androidManagedAppProtection", name="APP - Aurora ePOD drivers",
         desc="Protects delivery photos and signatures captured in Aurora ePOD.",
         platform="android", minos="13.0", version="3", created=pday(390), modified=pday(28),
         apps=["epod"], targets=[T("group", "dept_logistics")]),
]

MAM_APPS = {
    # key: (display, ios bundle, android package, ios version, android version)
    "outlook": ("Outlook", "com.microsoft.Office.Outlook", "com.microsoft.office.outlook", "4.2545.0", "4.2545.2"),
    "teams": ("Teams", "com.microsoft.skype.teams", "com.microsoft.teams", "7.24.1", "1416/1.0.0.2025183001"),
    "edge": ("Edge", "com.microsoft.msedge", "com.microsoft.emmx", "142.3595.66", "142.0.3595.80"),
    "epod": ("Aurora ePOD", None, "com.auroralogistics.epod", None, "3.8.0"),
}

# --------------------------------------------------------------------------------------------------
# Aurora: enrollment failures (one row per event)
# (key, reason, category, user, platform, enrollmentType, osVersion, manufacturer, model, days ago, details?,
#  success device key or None, extra additionalInformation)

EVENTS = [
    ("e01", "iOS/iPadOS Timeout or Failure", "userAbandonment", "chloe", "ios", "userEnrollment", "27.0.1",
     "Apple", "iPhone 15", 12.2, False, "chloe:iphone", []),
    ("e02", "iOS/iPadOS Timeout or Failure", "clientDisconnected", "oliver", "ipados", "appleBulkWithUser", "27.1",
     "Apple", "iPad (A16)", 27.5, False, None, [("EnrollmentProfile", "Aurora ADE - iPhone & iPad")]),
    ("e03", "iOS/iPadOS Timeout or Failure", "userAbandonment", "lucia", "ios", "userEnrollment", "17.7.2",
     "Apple", "iPhone 12", 63.0, False, None, []),
    ("e04", "User not found or licensed", "userValidation", "lucas", "ios", "userEnrollment", "27.1",
     "Apple", "iPhone 16", 3.1, True, None, []),
    ("e05", "User not found or licensed", "userValidation", "fatima", "android_wp", "userEnrollment", "16",
     "samsung", "SM-S931B", 8.4, True, None, []),
    ("e06", "Device already enrolled", "badRequest", "femke", "ipados", "userEnrollment", "26.7.2",
     "Apple", "iPad (10th generation)", 21.0, False, None, []),
    ("e07", "Device already enrolled", "badRequest", "pawel", "android_wp", "userEnrollment", "14",
     "samsung", "SM-A546B", 44.0, False, None, []),
    ("e08", "Not onboarded into Intune", "accountValidation", "sigrid", "ios", "userEnrollment", "26.7.2",
     "Apple", "iPhone 13", 97.0, False, None, []),
    ("e09", "Enrollment authorization failed", "authorization", "chinedu", "android_wp", "userEnrollment", "15",
     "samsung", "SM-S931B", 33.0, True, "chinedu:android", [("CompanyPortalVersion", "5.0.6241.0")]),
    ("e10", "Enrollment authorization failed", "authorization", "theo", "android_wp", "userEnrollment", "14",
     "samsung", "SM-A356B", 71.0, False, None, [("CompanyPortalVersion", "5.0.6198.0")]),
    ("e11", "Device not supported", "deviceNotSupported", "vikram", "android_wp", "userEnrollment", "10",
     "HUAWEI", "ANA-NX9", 15.0, False, None, []),
    ("e12", "Enrollment restrictions not met", "enrollmentRestrictionsEnforced", "noor", "windows",
     "windowsAutoEnrollment", "10.0.26100.7171", "ASUSTeK COMPUTER INC.", "VivoBook_ASUSLaptop X1504VA", 18.0,
     False, None, [("ErrorCode", "0x80180014")]),
    ("e13", "Device version too low", "enrollmentRestrictionsEnforced", "ananya", "ios", "userEnrollment",
     "16.7.10", "Apple", "iPhone 11", 40.0, True, "ananya:iphone", []),
    ("e14", "Device version too high", "enrollmentRestrictionsEnforced", "joost", "windows", "windowsAzureADJoin",
     "10.0.27950.1000", "Dell Inc.", "Latitude 7450", 9.0, False, None,
     [("ErrorCode", "0x80180014"), ("EnrollmentProfile", "Aurora Autopilot - User-driven")]),
    ("e15", "Device cannot be enrolled as personal", "enrollmentRestrictionsEnforced", "charlotte", "android_wp",
     "userEnrollment", "16", "Google", "Pixel 10", 5.3, True, None, []),
    ("e16", "Device cannot be enrolled as personal", "enrollmentRestrictionsEnforced", "mariajose", "android_wp",
     "userEnrollment", "15", "samsung", "SM-A566B", 52.0, False, None, []),
    ("e17", "Device platform blocked", "enrollmentRestrictionsEnforced", "wout", "macos", "userEnrollment", "26.7.2",
     "Apple", "MacBook Air (13-inch, M2, 2022)", 11.0, True, None, []),
    ("e18", "Device platform blocked", "enrollmentRestrictionsEnforced", "bjorn", "macos", "userEnrollment", "27.1",
     "Apple", "MacBook Air (15-inch, M3, 2024)", 30.0, False, None, []),
    ("e19", "Bulk token expired", "authentication", "seun", "windows", "windowsBulkUserless", "10.0.26100.8246",
     "Dell Inc.", "OptiPlex Micro 7020", 24.0, True, None, [("ProvisioningPackage", "Aurora-Kiosk-Warehouse.ppkg")]),
    ("e20", "Autopilot device or details not found", "badRequest", "rohan", "windows", "windowsAzureADJoin",
     "10.0.26200.8246", "HP", "HP EliteBook 840 14 inch G11 Notebook PC", 2.3, False, "rohan:laptop", []),
    ("e21", "Autopilot profile not found or not assigned", "badRequest", "soren", "windows", "windowsAzureADJoin",
     "10.0.26100.8037", "LENOVO", "21ML003QMH", 46.0, True, "soren:laptop", []),
    ("e22", "Autopilot profile not found or not assigned", "badRequest", "anja", "windows", "windowsAzureADJoin",
     "10.0.26100.7171", "Dell Inc.", "Latitude 5450", 88.0, False, "anja:laptop", []),
    ("e23", "Autopilot enrollment method unexpected", "authorization", "arjun", "windows", "windowsAutoEnrollment",
     "10.0.26200.8246", "Microsoft Corporation", "Surface Laptop, 7th Edition", 19.0, False, None, []),
    ("e24", "Autopilot device removed", "badRequest", "katrin", "windows", "windowsAzureADJoin", "10.0.22631.6199",
     "Dell Inc.", "Latitude 5440", 57.0, False, None, [("EnrollmentProfile", "Aurora Autopilot - User-driven")]),
    ("e25", "Device cap reached", "enrollmentRestrictionsEnforced", "jonas", "android_wp", "userEnrollment", "16",
     "samsung", "SM-X710", 6.2, True, None, []),
    ("e26", "Apple onboarding", "accountValidation", "benoit", "ios", "appleBulkWithUser", "26.7.2", "Apple",
     "iPhone 16", 77.4, True, None, [("EnrollmentProfile", "Aurora ADE - iPhone & iPad")]),
    ("e27", "Apple onboarding", "accountValidation", "noor", "ipados", "userEnrollment", "26.7.2", "Apple",
     "iPad (A16)", 77.1, False, None, []),
    ("e28", "Device not preregistered", "enrollmentRestrictionsEnforced", "oliver", "windows",
     "windowsAutoEnrollment", "10.0.26100.8246", "Acer", "Swift Go SFG14-73", 14.0, True, None,
     [("ErrorCode", "0x80180014")]),
    ("e29", "Feature not supported", "featureNotSupported", "ingrid", "ios", "appleUserEnrollment", "27.1", "Apple",
     "iPhone 15 Pro", 29.0, False, None, []),
    ("e30", "iOS/iPadOS Timeout or Failure", "clientDisconnected", "elodie", "ios", "appleBulkWithUser", "27.1",
     "Apple", "iPhone 17", 4.6, False, None, [("EnrollmentProfile", "Aurora ADE - iPhone & iPad")]),
    # The service gave no reason at all: the details must say plainly that no remediation is documented.
    ("e31", None, "unknown", "lucia", "android_wp", "userEnrollment", "15", "motorola", "moto g85 5G", 35.0,
     False, None, []),
    # Hostile service text (markup, a javascript: link) for the security test user: shown as text, never run.
    ("e32", "Device already enrolled", "badRequest", "xss", "android_wp", "userEnrollment", "16", "<b>OEM</b>",
     "<svg onload=alert('model')>", 16.0, True, None, []),
]

LINK_LICENSE = "https://learn.microsoft.com/mem/intune/fundamentals/licenses-assign"
LINK_RESTRICT = "https://learn.microsoft.com/mem/intune/enrollment/enrollment-restrictions-set"
LINK_APNS = "https://learn.microsoft.com/mem/intune/enrollment/apple-mdm-push-certificate-get"
LINK_BULK = "https://learn.microsoft.com/mem/intune/enrollment/windows-bulk-enroll"
LINK_CORPID = "https://learn.microsoft.com/mem/intune/enrollment/corporate-identifiers-add"
LINK_AUTOPILOT = "https://learn.microsoft.com/autopilot/troubleshooting-faq"
LINK_TROUBLE = ("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/"
                "troubleshoot-device-enrollment-in-intune")


def event_details(key: str, upn: str) -> dict:
    d = {
        "e04": ("Company Portal enrollment - iOS/iPadOS",
                "The user isn't licensed for Microsoft Intune.",
                f"{upn} has no license that includes the Microsoft Intune service plan (INTUNE_A). "
                "The assigned Office 365 E1 license only contains Basic Mobility and Security (INTUNE_O365).",
                "Assign a license that includes Intune (for example Microsoft 365 E3, Microsoft 365 F3 or "
                "Enterprise Mobility + Security E3) and make sure the Microsoft Intune service plan is on. "
                "Then ask the user to sign out of Company Portal and start the enrollment again.",
                [("Assign licenses to users so they can enroll devices in Intune", LINK_LICENSE)]),
        "e05": ("Company Portal enrollment - Android work profile",
                "The user isn't licensed for Microsoft Intune.",
                f"{upn} has a Microsoft 365 E3 license, but the Microsoft Intune service plan (INTUNE_A) in that "
                "license is turned off.",
                "In the Microsoft 365 admin center open the user's licenses and turn on the 'Microsoft Intune' "
                "app for Microsoft 365 E3 (or ask the licensing team to fix the group-based license). "
                "License changes can take a few minutes; then retry the enrollment.",
                [("Assign licenses to users so they can enroll devices in Intune", LINK_LICENSE)]),
        "e09": ("Company Portal enrollment - Android work profile",
                "Enrollment authorization failed.",
                "The Company Portal app on the device is older than the minimum version the service accepts, "
                "so the enrollment request could not be authorized.",
                "Ask the user to update Intune Company Portal from Google Play (or remove and reinstall it), "
                "then start the enrollment again.",
                [("Troubleshoot device enrollment in Intune", LINK_TROUBLE)]),
        "e13": ("Company Portal enrollment - iOS/iPadOS",
                "The device OS version is lower than the minimum allowed.",
                "The device platform restriction that applies to this user "
                "('Finance - iOS 17+, GA Windows builds, corporate Android only', priority 2) requires iOS 17.0 or "
                "later. The device reported iOS 16.7.10.",
                "Ask the user to update the device (Settings > General > Software Update) and enroll again.",
                [("Set enrollment restrictions in Microsoft Intune", LINK_RESTRICT)]),
        "e15": ("Company Portal enrollment - Android work profile",
                "Personal devices can't be enrolled.",
                "The device platform restriction that applies to this user "
                "('Finance - iOS 17+, GA Windows builds, corporate Android only', priority 2) blocks personally "
                "owned Android Enterprise work profile devices, and the device isn't registered as corporate.",
                "Use a corporate-owned device (fully managed or corporate-owned work profile), or access work data "
                "through app protection policies without enrolling. Only an Intune administrator can change "
                "enrollment restrictions.",
                [("Set enrollment restrictions in Microsoft Intune", LINK_RESTRICT)]),
        "e17": ("Company Portal enrollment - macOS",
                "The device platform is blocked.",
                "The device platform restriction 'Warehouse - Block macOS' (priority 1) that applies to this user "
                "blocks enrollment of macOS devices.",
                "macOS isn't supported for warehouse staff. If the user needs a Mac, an Intune administrator must "
                "review the restriction assigned to 'Dept - Warehouse (dynamic)'.",
                [("Set enrollment restrictions in Microsoft Intune", LINK_RESTRICT)]),
        "e19": ("Bulk enrollment - provisioning package",
                "The bulk enrollment token has expired.",
                "The provisioning package applied to the device contains a bulk token that is past its expiry "
                "date, so the device could not join Microsoft Entra ID and enroll.",
                "Create a new provisioning package with Windows Configuration Designer (this requests a new bulk "
                "token), apply it to the device and restart.",
                [("Bulk enrollment for Windows devices", LINK_BULK)]),
        "e21": ("Windows Autopilot - user-driven",
                "No Autopilot deployment profile is assigned to the device.",
                "The device is registered in Windows Autopilot, but no deployment profile was assigned to it when "
                "it contacted the Autopilot service during OOBE.",
                "Check that the device is in a group the Autopilot profile is assigned to and that the "
                "profile status shows 'Assigned'. Then restart the device at the OOBE screen.",
                [("Windows Autopilot troubleshooting FAQ", LINK_AUTOPILOT)]),
        "e25": ("Company Portal enrollment - Android work profile",
                "The user has reached the device enrollment limit.",
                "The device limit restriction 'Standard staff device limit' (priority 1, limit 5) applies to this "
                "user through 'All Staff', and the user already has 5 enrolled devices.",
                "Retire or delete a device the user no longer uses (Devices > All devices), then retry. An Intune "
                "administrator can raise the limit, but the help desk can't.",
                [("Set enrollment restrictions in Microsoft Intune", LINK_RESTRICT),
                 ("Troubleshoot device enrollment in Intune", LINK_TROUBLE)]),
        "e26": ("Automated Device Enrollment - iOS/iPadOS",
                "Apple enrollment isn't set up for this account.",
                "All iOS/iPadOS and macOS enrollments were blocked because the Apple MDM push certificate for the "
                "account had expired.",
                "Renew the Apple MDM push certificate with the same Managed Apple ID that created it (Devices > "
                "Enrollment > Apple > Apple MDM Push certificate). Devices that failed must restart enrollment.",
                [("Get an Apple MDM push certificate", LINK_APNS)]),
        "e28": ("Windows enrollment - Settings > Access work or school",
                "The device isn't preregistered as corporate.",
                "Personal Windows enrollment is blocked in the platform restriction that applies to this user, "
                "and the device isn't a Windows Autopilot device or a corporate device identifier.",
                "Enroll a corporate laptop instead, or ask an Intune administrator to register the device "
                "(Autopilot or corporate identifier) if it was bought by the company.",
                [("Add corporate identifiers", LINK_CORPID),
                 ("Set enrollment restrictions in Microsoft Intune", LINK_RESTRICT)]),
        "e32": ("<b>Company Portal</b> enrollment",
                "<script>alert('failure')</script>",
                "<img src=x onerror=alert('details')>",
                "<a href=\"javascript:alert('remediation')\">Click here</a>",
                [("<i>Hostile link</i>", "javascript:alert('link')"),
                 ("Troubleshoot device enrollment", LINK_TROUBLE)]),
    }[key]
    ctx, failure, details, remediation, res = d
    return {"context": ctx, "failure": failure, "failureDetails": details, "remediation": remediation,
            "resources": [{"text": t, "link": link} for t, link in res]}


# --------------------------------------------------------------------------------------------------
# Intune roles (RBAC) and demo operators
#
# Role definitions and assignments are Graph beta shapes; operators.json is demo-only (the sign-in list).
# The permission lists equal src/domain/rbac/roles.rs (tests/rbac.rs checks that they agree). Nothing here
# draws from a random generator, and the admin groups are not added to groups.json, so every existing user's
# group list, and everything else in the tenant, stays as it was.

INTUNE = "Microsoft.Intune_"
HELP_DESK_OPERATOR = [INTUNE + p for p in [
    "Audit_Read", "DeviceCompliancePolices_Read", "DeviceCompliancePolices_ViewReports",
    "DeviceConfigurations_Read", "DeviceConfigurations_ViewReports", "DeviceEnrollmentManagers_Read",
    "ManagedApps_Assign", "ManagedApps_Read", "ManagedApps_Wipe", "ManagedDevices_Read",
    "ManagedDevices_SetPrimaryUser", "ManagedDevices_Update", "ManagedDevices_ViewReports", "MobileApps_Assign",
    "MobileApps_Read", "Organization_Read", "Roles_Read",
]] + [INTUNE + "RemoteTasks_" + t for t in [
    "ActivateDeviceEsim", "ChangeAssignments", "CleanPC", "ConfigurationManagerAction", "CustomNotification",
    "DeviceLogs", "DisableLostMode", "EnableLostMode", "EnableWindowsIntuneAgent", "GetFileVaultKey",
    "InitiateDeviceAttestation", "InitiateMDMKeyRecovery", "LocateDevice", "ManageSharedDeviceUsers",
    "OnDemandProactiveRemediation", "PlayLostModeSound", "RebootNow", "RemoteLock", "RequestRemoteAssistance",
    "ResetPasscode", "Retire", "RevokeAppleVppLicenses", "RotateBitLockerKeys", "RotateFileVaultKey",
    "SetDeviceName", "ShutDown", "SyncDevice", "UpdateDeviceAccount", "WindowsDefender", "Wipe",
]]
READ_ONLY_OPERATOR = [INTUNE + p for p in [
    "Audit_Read", "DeviceCompliancePolices_Read", "DeviceCompliancePolices_ViewReports",
    "DeviceConfigurations_Read", "DeviceConfigurations_ViewReports", "DeviceEnrollmentManagers_Read",
    "ManagedApps_Read", "ManagedDevices_Read", "ManagedDevices_ViewReports", "MobileApps_Read",
    "Organization_Read", "Roles_Read",
]]
# help-desk-operators.md: "MobileApps: Read, ManagedApps: Read, ManagedDevices: Read, Organization: Read,
# DeviceCompliancePolices: Read, DeviceConfigurations: Read" (Intune's spelling of "Policies").
MINIMAL_TROUBLESHOOTING = [INTUNE + p for p in [
    "MobileApps_Read", "ManagedApps_Read", "ManagedDevices_Read", "Organization_Read",
    "DeviceCompliancePolices_Read", "DeviceConfigurations_Read",
]]

# key: (displayName, description, isBuiltIn, allowedResourceActions)
ROLES = {
    "help_desk": ("Help Desk Operator", "Help Desk Operators perform remote tasks on users and devices and can "
                  "assign applications or policies to users or devices.", True, HELP_DESK_OPERATOR),
    "read_only": ("Read Only Operator", "Read Only Operators can view user, device, enrollment, configuration, and "
                  "application information. Can't make changes to Intune.", True, READ_ONLY_OPERATOR),
    # Intune Administrator is a Microsoft Entra role (microsoft.intune/allEntities/allTasks), not an Intune role
    # definition; the demo tenants model it as one that grants every Intune permission.
    "admin": ("Intune Administrator", "Full access to Intune (the Microsoft Entra Intune Administrator role, "
              "modelled as an Intune role for the demo).", True, [INTUNE + "*"]),
    "minimal": ("Minimal troubleshooting", "Custom role: the read permissions the help-desk documentation lists "
                "for using the troubleshooting portal.", False, MINIMAL_TROUBLESHOOTING),
}

# (operator user key, admin group name, assignment name, role key, scopeType, scope group keys).
# The first operator is the demo's default sign-in.
AURORA_OPERATORS = [
    ("seun", "Tier1 - Intune administrators", "Intune administrators", "admin", "allDevicesAndLicensedUsers", []),
    ("felix", "Tier1 - Help desk Benelux", "Help desk - Benelux", "help_desk", "resourceScope", ["staff_benelux"]),
    ("ruud", "Tier1 - Read only", "Read only - All Staff", "read_only", "resourceScope", ["all_staff"]),
    ("arjun", "Tier1 - Minimal troubleshooting", "Minimal troubleshooting - All users", "minimal",
     "allLicensedUsers", []),
]
SCOPE_TYPES = {"resourceScope", "allDevices", "allLicensedUsers", "allDevicesAndLicensedUsers"}


def rbac_files(tenant: str, operators, user_out, group_id) -> dict:
    """roleDefinitions.json, roleAssignments.json and operators.json for `operators` (see AURORA_OPERATORS).
    `user_out(key)` is the user's Graph object, `group_id(key)` a scope group's id."""
    used = [r for r in ROLES if any(op[3] == r for op in operators)]
    definitions = []
    for key in used:
        name, desc, built_in, actions = ROLES[key]
        definitions.append({
            "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleDefinition",
            "id": gid(tenant, "roleDefinition", key), "displayName": name, "description": desc,
            "isBuiltIn": built_in, "roleScopeTagIds": ["0"],
            "rolePermissions": [{"resourceActions": [
                {"allowedResourceActions": actions, "notAllowedResourceActions": []}]}],
        })
    assignments, ops = [], []
    for user_key, admin_group, assignment, role, scope_type, scopes in operators:
        admin_group_id = gid(tenant, "adminGroup", admin_group)
        role_id = gid(tenant, "roleDefinition", role)
        assignments.append({
            "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleAssignment",
            "id": gid(tenant, "roleAssignment", assignment), "displayName": assignment,
            "description": f"Members of {admin_group} hold {ROLES[role][0]}.",
            "members": [admin_group_id], "resourceScopes": [group_id(k) for k in scopes], "scopeType": scope_type,
            "roleScopeTagIds": ["0"], "roleDefinitionId": role_id,
            "roleDefinition": {"@odata.type": "#microsoft.graph.deviceAndAppManagementRoleDefinition", "id": role_id,
                               "displayName": ROLES[role][0], "isBuiltIn": ROLES[role][2]},
        })
        u = user_out(user_key)
        ops.append({"id": u["id"], "displayName": u["displayName"], "userPrincipalName": u["userPrincipalName"],
                    "jobTitle": u["jobTitle"],
                    "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": admin_group_id,
                                  "displayName": admin_group}]})
    return {"roleDefinitions.json": {"value": definitions}, "roleAssignments.json": {"value": assignments},
            "operators.json": {"value": ops}}


# --------------------------------------------------------------------------------------------------
# Device state stories (issue 11, "devstate"): a pending wipe, a failed device action, two named profiles in
# conflict, a device in its compliance grace period and a profile that reports no state. Their users come
# after everyone else and draw from their own generators, so no other user's data moves.

DEVSTATE_USERS = [
    ("hanna", "Hanna", "Smit", "Sales", "Field Sales Representative", "rotterdam", "E3"),
    ("lars", "Lars", "Nilsson", "Operations", "Port Operations Planner", "gothenburg", "E3"),
    ("sofia", "Sofía", "Moreno", "Finance", "Treasury Analyst", "madrid", "E3"),
    ("mila", "Mila", "Jacobs", "Customer Service", "Customer Service Agent", "antwerp", "E3"),
    ("noah", "Noah", "Williams", "IT", "Desktop Support Technician", "london", "E3"),
]
DEVSTATE_KEYS = {u[0] for u in DEVSTATE_USERS}
AURORA_USERS.extend(DEVSTATE_USERS)
DEVICE_PLAN.update({
    "hanna": [("laptop", "win"), ("iphone", "iphone_corp")],
    "lars": [("laptop", "win")],
    "sofia": [("laptop", "win")],
    "mila": [("android", "android_byod")],
    "noah": [("laptop", "win")],
})
DEVICE_OVERRIDES.update({
    # Hanna's company iPhone was stolen: last seen three days ago, on an old iOS; the wipe waits for it.
    "hanna:iphone": {"model_name": "iPhone 15", "osv": "17.7.2", "enrolled_days": 380,
                     "last_sync": ago(days=3, hours=2, minutes=17)},
    "lars:laptop": {"name": "AUR-LT-0733", "enrolled_days": 212},
    "sofia:laptop": {"name": "AUR-LT-0584", "enrolled_days": 167},
    # Mila's phone still runs Android 12; the BYOD policy wants 13, and the grace period ends in two days.
    "mila:android": {"model": ("samsung", "SM-A536B", "samsung"), "osv": "12", "enrolled_days": 96},
    "noah:laptop": {"name": "AUR-LT-0649", "enrolled_days": 9},
})
DEVSTATE_GRACE_ENDS = ANCHOR + dt.timedelta(days=2)
DEVSTATE_NO_STATE_PROFILE = "Windows Hello for Business - Pilot (Windows)"


def devstate_groups():
    return [
        ("edge_pilot", "Pilot - Edge baseline", "Users testing the new Microsoft Edge baseline.", "assigned",
         {"users": ["sofia"]}),
        ("finance_treasury", "Finance - Treasury", "Treasury team: banking portals in the browser.", "assigned",
         {"users": ["sofia"]}),
        ("hello_pilot", "Pilot - Windows Hello", "Users testing Windows Hello for Business.", "assigned",
         {"users": ["noah"]}),
    ]


CONFIGS.extend([
    dict(key="dc_edge_base", odata="#microsoft.graph.windows10GeneralConfiguration",
         name="Microsoft Edge baseline - Pilot (Windows)", desc="Home page, SmartScreen and sign-in for Edge.",
         platforms={"windows"}, ptype="windows10AndLater", version=2, created=pday(40), modified=pday(12),
         settings={"edgeHomepageUrls": ["https://intranet.aurora-logistics.example"],
                   "smartScreenEnableAppInstallControl": True},
         targets=[T("group", "edge_pilot")]),
    dict(key="dc_fin_browser", odata="#microsoft.graph.windows10GeneralConfiguration",
         name="Finance browser settings (Windows)", desc="Treasury: the bank portal as home page.",
         platforms={"windows"}, ptype="windows10AndLater", version=1, created=pday(25), modified=pday(25),
         settings={"edgeHomepageUrls": ["https://bank.aurora-logistics.example"]},
         targets=[T("group", "finance_treasury")]),
    dict(key="dc_hello", odata="#microsoft.graph.windowsIdentityProtectionConfiguration",
         name="Windows Hello for Business - Pilot (Windows)", desc="PIN of at least 6 digits, biometrics allowed.",
         platforms={"windows"}, ptype="windows10AndLater", version=1, created=pday(14), modified=pday(14),
         settings={"useSecurityKeyForSignin": False, "pinMinimumLength": 6},
         targets=[T("group", "hello_pilot")]),
])


def devstate_apply(devices_out, users, dev_by_key, cfg_ids, pol_ids):
    """Writes the stories into the generated devices: action results, grace period, conflict, a missing state."""
    by_id = {d["id"]: d for d in devices_out}

    def dev(key):
        return by_id[dev_by_key[key]["id"]]

    def setting(setting_id, name, state, current, sources, code=0, desc=None, upn=None):
        return {"setting": setting_id, "settingName": name, "instanceDisplayName": None, "state": state,
                "errorCode": code, "errorDescription": desc, "currentValue": current, "userPrincipalName": upn,
                "sources": [{"id": i, "displayName": n} for i, n in sources]}

    def state_of(d, key, compliance=False):
        states = d["deviceCompliancePolicyStates" if compliance else "deviceConfigurationStates"]
        ids = pol_ids if compliance else cfg_ids
        return next(s for s in states if s["id"] == ids[key])

    # Hanna: the wipe sent two days ago waits for the phone, which also fails the minimum iOS version and its
    # restrictions profile (the locked phone could not install it).
    iph = dev("hanna:iphone")
    upn = iph["userPrincipalName"]
    wiped = ago(days=2, hours=5, minutes=12)
    iph["managementState"] = "wipePending"
    iph["deviceActionResults"] = [{"actionName": "wipe", "actionState": "pending", "startDateTime": iso(wiped),
                                   "lastUpdatedDateTime": iso(wiped + dt.timedelta(minutes=1))}]
    ios = state_of(iph, "cp_ios", compliance=True)
    ios["state"] = "nonCompliant"
    ios["settingStates"] = [setting("IosCompliancePolicy.osMinimumVersion", "Minimum OS version", "nonCompliant",
                                    iph["osVersion"], [(ios["id"], ios["displayName"])], upn=upn)]
    iph["complianceState"] = "noncompliant"
    iph["complianceGracePeriodExpirationDateTime"] = iso(parse(iph["enrolledDateTime"]) + dt.timedelta(days=1))
    res = state_of(iph, "dc_iosres")
    res["state"] = "error"
    res["settingStates"] = [setting("IosGeneralDeviceConfiguration.passcodeRequired", "Require passcode", "error",
                                    None, [(res["id"], res["displayName"])], hresult(0x87D11388),
                                    "iOS device is currently busy. (0x87D11388)", upn)]

    # Lars: a restart sent yesterday failed (the laptop was asleep); the sync before it went through.
    lap = dev("lars:laptop")
    sync_at, reboot_at = ago(days=1, hours=5, minutes=40), ago(days=1, hours=4, minutes=2)
    lap["deviceActionResults"] = [
        {"actionName": "syncDevice", "actionState": "done", "startDateTime": iso(sync_at),
         "lastUpdatedDateTime": iso(sync_at + dt.timedelta(minutes=3))},
        {"actionName": "rebootNow", "actionState": "failed", "startDateTime": iso(reboot_at),
         "lastUpdatedDateTime": iso(reboot_at + dt.timedelta(hours=1, minutes=5))},
    ]

    # Sofía: the Edge pilot baseline and the Finance browser profile set different home pages on her laptop.
    lap = dev("sofia:laptop")
    base, fin = state_of(lap, "dc_edge_base"), state_of(lap, "dc_fin_browser")
    both = [(base["id"], base["displayName"]), (fin["id"], fin["displayName"])]
    for s in (base, fin):
        s["state"] = "conflict"
        s["settingStates"] = [setting("Windows10GeneralConfiguration.edgeHomepageUrls", "Edge home page URLs",
                                      "conflict", None, both, upn=lap["userPrincipalName"])]

    # Mila: below the minimum Android version, in the grace period that ends in two days.
    phone = dev("mila:android")
    awp = state_of(phone, "cp_awp", compliance=True)
    awp["state"] = "nonCompliant"
    awp["settingStates"] = [setting("AndroidWorkProfileCompliancePolicy.osMinimumVersion", "Minimum OS version",
                                    "nonCompliant", phone["osVersion"], [(awp["id"], awp["displayName"])],
                                    upn=phone["userPrincipalName"])]
    phone["complianceState"] = "inGracePeriod"
    phone["complianceGracePeriodExpirationDateTime"] = iso(DEVSTATE_GRACE_ENDS)

    # Noah: the Windows Hello pilot profile is assigned to him, but his new laptop has not reported it yet.
    lap = dev("noah:laptop")
    lap["deviceConfigurationStates"] = [s for s in lap["deviceConfigurationStates"] if s["id"] != cfg_ids["dc_hello"]]


def check_devstate(files):
    users = {u["userPrincipalName"].split("@")[0]: u for u in files["users.json"]["value"]}
    devices = files["managedDevices.json"]["value"]
    cfgs = {c["displayName"]: c for c in files["deviceConfigurations.json"]["value"]}

    def devs(local):
        return [d for d in devices if d["userId"] == users[local]["id"]]

    hanna = devs("hanna.smit")
    iph = next(d for d in hanna if d["operatingSystem"] == "iOS")
    check(any(r["actionName"] == "wipe" and r["actionState"] == "pending" for r in iph["deviceActionResults"]),
          "hanna: wipe pending on the iPhone")
    check(iph["complianceState"] == "noncompliant" and any(s["state"] == "error"
                                                         for s in iph["deviceConfigurationStates"]),
          "hanna: the iPhone has other findings to group under the wipe")
    lars = devs("lars.nilsson")[0]
    check([r["actionState"] for r in lars["deviceActionResults"] if r["actionName"] == "rebootNow"] == ["failed"],
          "lars: restart failed")
    sofia = devs("sofia.moreno")[0]
    conflicts = [s for s in sofia["deviceConfigurationStates"] if s["state"] == "conflict"]
    check(len(conflicts) == 2 and all(len(s["settingStates"][0]["sources"]) == 2 for s in conflicts),
          "sofia: two profiles in conflict, each naming both")
    mila = devs("mila.jacobs")[0]
    check(mila["complianceState"] == "inGracePeriod" and parse(mila["complianceGracePeriodExpirationDateTime"])
          > ANCHOR, "mila: in grace period, ending after the anchor")
    noah = devs("noah.williams")[0]
    hello = cfgs[DEVSTATE_NO_STATE_PROFILE]
    check(all(s["id"] != hello["id"] for s in noah["deviceConfigurationStates"]), "noah: no state for Hello")
    others = [d for d in devices if d["userId"] not in {u["id"] for k, u in users.items()
                                                         if k in ("hanna.smit", "lars.nilsson", "sofia.moreno",
                                                                  "mila.jacobs", "noah.williams")}]
    check(all(not d["deviceActionResults"] for d in others), "devstate: action results only on the story devices")
    check(all(d["complianceState"] != "inGracePeriod" for d in others), "devstate: only Mila is in grace")
    for name in ("Microsoft Edge baseline - Pilot (Windows)", "Finance browser settings (Windows)",
                 "Windows Hello for Business - Pilot (Windows)"):
        reached = [d for d in devices if any(s["id"] == cfgs[name]["id"] for s in d["deviceConfigurationStates"])]
        check(all(d["userId"] in (users["sofia.moreno"]["id"],) for d in reached), f"devstate: {name} only Sofía")


# --------------------------------------------------------------------------------------------------
# Build Aurora


# ---- spread: a cause shared by more than five users (issue 11, "one user or many?") --------------------------
# Microsoft Teams (Android) fails with the same code on every warehouse scanner but Daan's (whose story is the
# Scan & Pack reach): six users, more than the default incident threshold of 5. Opening any of them, the finding
# says how many others have it and marks it as an incident for the IT administrator. Only the install state
# changes (a required app draws nothing from the generator for its state), so the rest of the tenant stays.
SPREAD_APP = "teams_android"
SPREAD_CODE = 0xC7D14FB5
SPREAD_USERS = ["zofia", "pawel", "wout", "jurgen", "inigo", "bjorn"]


def spread_install_failures() -> dict:
    return {(f"{u}:scanner", SPREAD_APP): ("failed", "seeInstallErrorCode", hresult(SPREAD_CODE))
            for u in SPREAD_USERS}


def check_spread(files: dict):
    apps = files["mobileApps.json"]["value"]
    devices = {d["id"]: d for d in files["managedDevices.json"]["value"]}
    users = {u["id"]: u for u in files["users.json"]["value"]}
    teams = [a for a in apps if a["displayName"] == "Microsoft Teams"
             and a["@odata.type"] == "#microsoft.graph.androidManagedStoreApp"]
    check(len(teams) == 1, "spread: one Microsoft Teams for Android")
    failed = [s for s in teams[0]["deviceStatuses"] if s["installState"] == "failed"]
    check(len({s["userPrincipalName"] for s in failed}) == len(SPREAD_USERS) > 5,
          "spread: Teams for Android failed for more than five users")
    check(all(s["errorCode"] == hresult(SPREAD_CODE) for s in failed), "spread: one error code for all of them")
    check(all(devices[s["deviceId"]]["deviceName"].startswith("AUR-SCN-") for s in failed),
          "spread: every failure is on a warehouse scanner")
    owners = {users[devices[s["deviceId"]]["userId"]]["userPrincipalName"].split("@")[0] for s in failed}
    check("zofia.wisniewska" in owners and "daan.visser" not in owners, "spread: Zofia has it, Daan does not")
    others = [s for a in apps for s in a["deviceStatuses"] if s["installState"] == "failed"
              and (a is not teams[0]) and s["userPrincipalName"].startswith("zofia.")]
    check(not others, "spread: Zofia's only failed install is the shared one")


def build_aurora():
    TEN = "aurora"
    DOMAIN = "aurora-logistics.example"
    rng = random.Random(20261120)

    # ---- users ------------------------------------------------------------------------------------
    users = {}
    for key, given, surname, dept, title, office, lic in AURORA_USERS:
        if key == "xss":
            display, local = XSS_NAME, "xss.probe"
        else:
            display, local = f"{given} {surname}", upn_local(given, surname)
        upn = f"{local}@{DOMAIN}"
        users[key] = dict(key=key, id=gid(TEN, "user", key), given=given, surname=surname, display=display,
                          upn=upn, local=local, dept=dept, title=title, office=office, lic=lic,
                          enabled=key not in DISABLED_USERS)
    users_out = {}
    for u in users.values():
        users_out[u["key"]] = {
            "id": u["id"], "displayName": u["display"], "givenName": u["given"], "surname": u["surname"],
            "userPrincipalName": u["upn"], "mail": u["upn"], "accountEnabled": u["enabled"],
            "department": u["dept"], "jobTitle": u["title"], "officeLocation": OFFICES[u["office"]][0],
            "usageLocation": OFFICES[u["office"]][1],
            **phones(u["key"], u["office"]),
            "licenseDetails": license_details(TEN, u["key"], u["lic"]),
        }

    # ---- success-after-failure enrollments are pinned to their event --------------------------------
    event_time = {}
    for ev in EVENTS:
        key, days = ev[0], ev[9]
        # users enroll during (European) working hours
        # events added after e30 draw from their own generator, so adding one leaves the rest of the tenant as it was
        r = rng if key <= "e30" else random.Random(key)
        t = ago(days=int(days)).replace(hour=r.randint(6, 16), minute=r.randint(0, 59), second=r.randint(0, 59))
        event_time[key] = t
        if ev[11]:
            gap = {"e01": dt.timedelta(minutes=38), "e09": dt.timedelta(days=1, hours=2),
                   "e13": dt.timedelta(days=1, hours=5), "e20": dt.timedelta(days=1, hours=1),
                   "e21": dt.timedelta(days=2, hours=3), "e22": dt.timedelta(hours=20)}[key]
            SUCCESS_AFTER[ev[11]] = t + gap

    # ---- devices ----------------------------------------------------------------------------------
    devices = []
    # laptop numbers pinned for story devices are never handed out again
    used_lt = {int(ov["name"][7:]) for ov in DEVICE_OVERRIDES.values() if ov.get("name", "").startswith("AUR-LT-")}
    used_names = set()

    def next_num(lo, hi):
        while True:
            n = rng.randint(lo, hi)
            if n not in used_lt:
                used_lt.add(n)
                return n

    saved_rng = None
    for ukey, _g, _s, _d, _t, _o, _l in AURORA_USERS:
        u = users[ukey]
        if ukey in DEVSTATE_KEYS and saved_rng is None:
            saved_rng = rng.getstate()  # their draws must not move anything generated after the devices
        for suffix, kind in DEVICE_PLAN[ukey]:
            dkey = f"{ukey}:{suffix}"
            ov = DEVICE_OVERRIDES.get(dkey, {})
            d = dict(key=dkey, user=ukey, kind=kind, id=gid(TEN, "managedDevice", dkey),
                     aad=gid(TEN, "entraDevice", dkey), encrypted=True, jailbroken="False", supervised=False,
                     agent="mdm")
            # enrollment time
            if kind in ("win", "win_dt"):
                lo, hi = 30, 1000
            elif kind == "zebra":
                lo, hi = 200, 820
            else:
                lo, hi = 20, 720
            edays = ov.get("enrolled_days", rng.randint(lo, hi))
            # enrollments happen during European office hours (06:00-15:59 UTC)
            enrolled = ago(days=edays).replace(hour=rng.randint(6, 15), minute=rng.randint(0, 59),
                                               second=rng.randint(0, 59))
            if "enrolled_at" in ov:
                enrolled = ov["enrolled_at"]
            if dkey in SUCCESS_AFTER:
                enrolled = SUCCESS_AFTER[dkey]
            apple = kind in ("iphone_corp", "iphone_byod", "ipad_corp", "mac_corp")
            if apple and APNS_OUTAGE[0] <= enrolled <= APNS_OUTAGE[1]:
                enrolled -= dt.timedelta(days=5)
            d["enrolled"] = enrolled
            # last sync
            if "last_sync" in ov:
                last = ov["last_sync"]
            elif kind in ("win", "win_dt"):
                last = ago(hours=rng.uniform(0.3, 20))
            elif kind == "zebra":
                last = ago(hours=rng.uniform(0.1, 6))
            else:
                last = ago(hours=ov.get("sync_hours", rng.uniform(0.5, 60)))
            last = max(last.replace(microsecond=0), enrolled)
            d["last_sync"] = last.replace(microsecond=0)

            if kind in ("win", "win_dt"):
                manu, model, style = ov.get("model", rng.choice(WIN_LAPTOPS if kind == "win" else WIN_DESKTOPS))
                d.update(platform="windows", manufacturer=manu, model=model, serial=serial_for(rng, style), imei="",
                         owner="company", osv=ov.get("osv", weighted(rng, WIN_VERSIONS)))
                if kind == "win":
                    d["etype"] = "windowsAzureADJoin"
                    name = ov.get("name") or f"AUR-LT-{next_num(100, 999):04d}"
                else:
                    d["etype"] = "windowsCoManagement"
                    d["agent"] = "configurationManagerClientMdm"
                    name = ov.get("name") or f"AUR-DT-{next_num(1000, 1999):04d}"
                d["jailbroken"] = "Unknown"
            elif kind in ("iphone_corp", "iphone_byod"):
                corp = kind == "iphone_corp"
                model = ov.get("model_name", rng.choice(IPHONE_CORP if corp else IPHONE_BYOD))
                d.update(platform="ios", manufacturer="Apple", model=model, serial=serial_for(rng, "apple"),
                         imei=imei(rng, "35" + rs(rng, 6, DIGITS)), owner="company" if corp else "personal",
                         osv=ov.get("osv", weighted(rng, IOS_VERSIONS)),
                         etype="appleBulkWithUser" if corp else "userEnrollment", supervised=corp)
                name = f"AUR-IPH-{d['serial'][-5:]}" if corp else f"{u['given']}’s iPhone"
            elif kind == "ipad_corp":
                model = ov.get("model_name", rng.choice(IPADS))
                d.update(platform="ipados", manufacturer="Apple", model=model, serial=serial_for(rng, "apple"),
                         imei="", owner="company", osv=ov.get("osv", weighted(rng, IOS_VERSIONS)),
                         etype="appleBulkWithUser", supervised=True)
                name = f"AUR-IPD-{d['serial'][-5:]}"
            elif kind == "mac_corp":
                model = ov.get("model_name", rng.choice(MACS))
                d.update(platform="macos", manufacturer="Apple", model=model, serial=serial_for(rng, "apple"),
                         imei="", owner="company", osv=ov.get("osv", weighted(rng, MAC_VERSIONS)),
                         etype="appleBulkWithUser", supervised=True, jailbroken="Unknown")
                name = f"AUR-MB-{d['serial'][-5:]}"
            elif kind == "android_byod":
                manu, model, style = ov.get("model", rng.choice(ANDROID_BYOD))
                d.update(platform="android_wp", manufacturer=manu, model=model, serial=serial_for(rng, style),
                         imei=imei(rng, "35" + rs(rng, 6, DIGITS)), owner="personal",
                         osv=ov.get("osv", rng.choice(["16", "15", "15", "14"])), etype="userEnrollment")
                name = android_wp_name(u["local"], enrolled, "AndroidForWork")
            elif kind == "android_cope":
                manu, model, style = ov.get("model", rng.choice(ANDROID_COPE))
                d.update(platform="android_ent", manufacturer=manu, model=model, serial=serial_for(rng, style),
                         imei=imei(rng, "35" + rs(rng, 6, DIGITS)), owner="company",
                         osv=ov.get("osv", rng.choice(["16", "15"])), etype="androidEnterpriseCorporateWorkProfile")
                name = android_wp_name(u["local"], enrolled, "AndroidEnterprise")
            elif kind == "zebra":
                manu, model, style = rng.choice(ZEBRAS)
                d.update(platform="android_ent", manufacturer=manu, model=model, serial=serial_for(rng, style),
                         imei=imei(rng, "35" + rs(rng, 6, DIGITS)), owner="company",
                         osv=ov.get("osv", rng.choice(["14", "14", "13"])), etype="androidEnterpriseFullyManaged")
                name = f"AUR-SCN-{next_num(2000, 2999) - 2000:03d}"
            else:
                raise ValueError(kind)
            if "encrypted" in ov:
                d["encrypted"] = ov["encrypted"]
            if "jailbroken" in ov:
                d["jailbroken"] = ov["jailbroken"]
            d["name"] = name
            assert name not in used_names, name
            used_names.add(name)
            devices.append(d)
    if saved_rng is not None:
        rng.setstate(saved_rng)
    dev_by_key = {d["key"]: d for d in devices}
    dev_by_aad = {d["aad"]: d for d in devices}

    # ---- groups -----------------------------------------------------------------------------------
    gdefs = aurora_groups()
    groups = {}
    for key, name, desc, kind, spec in gdefs:
        groups[key] = dict(key=key, id=gid(TEN, "group", key), name=name, desc=desc, kind=kind, spec=spec,
                           users=[], groups=[], devices=[])
    for g in groups.values():
        s = g["spec"]
        if g["kind"] == "dynamicUser":
            g["users"] = [k for k in users if users[k]["dept"] == s["department"]]
        elif g["kind"] == "dynamicDevice":
            g["devices"] = [d["key"] for d in devices if s["pred"](d)]
        else:
            if "office" in s:
                g["users"] = [k for k in users if users[k]["office"] == s["office"]]
            if "license" in s:
                g["users"] = [k for k in users if s["license"] in LICENSE_PROFILES[users[k]["lic"]]]
            g["users"] += s.get("users", [])
            g["groups"] = list(s.get("groups", []))
            if "device_pred" in s:
                g["devices"] = [d["key"] for d in devices if s["device_pred"](d)]

    def trans_users(gk, seen=None):
        seen = seen or set()
        if gk in seen:
            raise RuntimeError(f"group cycle at {gk}")
        seen = seen | {gk}
        out = set(groups[gk]["users"])
        for sub in groups[gk]["groups"]:
            out |= trans_users(sub, seen)
        return out

    def trans_devices(gk):
        out = set(groups[gk]["devices"])
        for sub in groups[gk]["groups"]:
            out |= trans_devices(sub)
        return out

    g_users = {gk: trans_users(gk) for gk in groups}
    g_devices = {gk: trans_devices(gk) for gk in groups}

    def intune_licensed(ukey):
        return has_intune(users_out[ukey])

    def target_hits(target, dev):
        kind, ref = target
        if kind == "allLicensedUsers":
            return intune_licensed(dev["user"])
        if kind == "allDevices":
            return True
        if kind in ("group", "exclude"):
            return dev["user"] in g_users[ref] or dev["key"] in g_devices[ref]
        raise ValueError(kind)

    def reaches(targets, dev):
        inc = any(target_hits(t, dev) for t in targets if t[0] != "exclude")
        exc = any(target_hits(t, dev) for t in targets if t[0] == "exclude")
        return inc and not exc

    def user_reached(targets, ukey):
        def hit(t):
            kind, ref = t
            if kind == "allLicensedUsers":
                return intune_licensed(ukey)
            if kind == "allDevices":
                return False
            return ukey in g_users[ref]
        return any(hit(t) for t in targets if t[0] != "exclude") and not any(
            hit(t) for t in targets if t[0] == "exclude")

    def target_out(t):
        kind, ref = t
        if kind == "allLicensedUsers":
            return {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}
        if kind == "allDevices":
            return {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}
        if kind == "group":
            return {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": groups[ref]["id"]}
        if kind == "exclude":
            return {"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": groups[ref]["id"]}
        raise ValueError(kind)

    # ---- compliance / configuration states --------------------------------------------------------
    pol_ids = {p["key"]: gid(TEN, "deviceCompliancePolicy", p["key"]) for p in COMPLIANCE}
    pol_ids["cp_default"] = gid(TEN, "deviceCompliancePolicy", "builtin-default")
    cfg_ids = {c["key"]: gid(TEN, "deviceConfiguration", c["key"]) for c in CONFIGS}
    pol_by_key = {p["key"]: p for p in COMPLIANCE}
    cfg_by_key = {c["key"]: c for c in CONFIGS}

    def sstate(setting, name, state, upn, src_id, src_name, current=None, code=0, desc=None):
        return {"setting": setting, "settingName": name, "instanceDisplayName": None, "state": state,
                "errorCode": code, "errorDescription": desc, "currentValue": current, "userPrincipalName": upn,
                "sources": [{"id": src_id, "displayName": src_name}]}

    COMPLIANCE_OVERRIDES = {
        ("sanne:iphone", "cp_ios"): [("IosCompliancePolicy.passcodeRequired",
                                      "Require a password to unlock mobile devices", "nonCompliant", "false")],
        ("vikram:laptop", "cp_win"): [("Windows10CompliancePolicy.bitLockerEnabled", "Require BitLocker",
                                       "nonCompliant", "false")],
        ("lucia:iphone", "cp_ios"): [("IosCompliancePolicy.osMinimumVersion", "Minimum OS version",
                                      "nonCompliant", "17.7.2")],
        ("pawel:android", "cp_awp"): [
            ("AndroidWorkProfileCompliancePolicy.securityBlockJailbrokenDevices", "Rooted devices",
             "nonCompliant", "Rooted"),
            ("AndroidWorkProfileCompliancePolicy.securityRequireSafetyNetAttestationBasicIntegrity",
             "Play Integrity Verdict: Check basic integrity", "nonCompliant", "false")],
        ("ingrid:mac", "cp_mac"): [("MacOSCompliancePolicy.storageRequireEncryption",
                                    "Require encryption of data storage on device", "nonCompliant", "false")],
        ("charlotte:laptop", "cp_winfin"): [
            ("Windows10CompliancePolicy.deviceThreatProtectionRequiredSecurityLevel",
             "Require the device to be at or under the machine risk score", "error", None,
             hresult(0x87D1FDE8),
             "Remediation failed (0x87D1FDE8). Microsoft Defender for Endpoint hasn't reported a risk level for "
             "this device yet - the device may not be onboarded.")],
    }
    CONFIG_OVERRIDES = {
        ("sanne:iphone", "dc_ioswifi"): ("error", [
            ("IosWiFiConfiguration.ssid", "Network name (SSID)", hresult(0x87D11388),
             "iOS device is currently busy. (0x87D11388) The Wi-Fi payload could not be installed because the "
             "device was locked; it is retried at the next check-in after the user unlocks the device.")]),
        ("oliver:laptop", "dc_vpn"): ("error", [
            ("Windows10VpnConfiguration.servers", "VPN servers", hresult(0x87D1FDE8),
             "Remediation failed (0x87D1FDE8). The VPN connection 'Aurora VPN' could not be created on the device.")]),
    }

    for d in devices:
        upn = users[d["user"]]["upn"]
        cstates = []
        for p in COMPLIANCE:
            if d["platform"] in p["platforms"] and reaches(p["targets"], d):
                ov = COMPLIANCE_OVERRIDES.get((d["key"], p["key"]))
                setting_states = []
                state = "compliant"
                if ov:
                    for item in ov:
                        setting, sname, st, cur = item[:4]
                        code = item[4] if len(item) > 4 else 0
                        desc = item[5] if len(item) > 5 else None
                        setting_states.append(sstate(setting, sname, st, upn, pol_ids[p["key"]], p["name"], cur,
                                                     code, desc))
                    state = "error" if any(s["state"] == "error" for s in setting_states) else "nonCompliant"
                cstates.append({"id": pol_ids[p["key"]], "displayName": p["name"], "platformType": p["ptype"],
                                "state": state, "settingCount": len(p["settings"]), "version": p["version"],
                                "settingStates": setting_states})
        # built-in Default Device Compliance Policy
        stale = (ANCHOR - d["last_sync"]) > dt.timedelta(days=30)
        dss = []
        if stale:
            dss.append(sstate("DefaultDeviceCompliancePolicy.RequireRemainContact", "Is active", "nonCompliant", upn,
                              pol_ids["cp_default"], DEFAULT_POLICY["name"]))
        cstates.append({"id": pol_ids["cp_default"], "displayName": DEFAULT_POLICY["name"], "platformType": "all",
                        "state": "nonCompliant" if stale else "compliant",
                        "settingCount": len(DEFAULT_POLICY["settings_named"]), "version": 1,
                        "settingStates": dss})
        d["cstates"] = cstates
        if any(s["state"] == "nonCompliant" for s in cstates):
            d["compliance"] = "noncompliant"
        elif any(s["state"] == "error" for s in cstates):
            d["compliance"] = "error"
        else:
            d["compliance"] = "compliant"

        gstates = []
        for c in CONFIGS:
            if d["platform"] in c["platforms"] and reaches(c["targets"], d):
                ov = CONFIG_OVERRIDES.get((d["key"], c["key"]))
                state, sstates = "compliant", []
                if d["kind"] == "win_dt":
                    state = "notApplicable"  # co-managed: device configuration workload stays with ConfigMgr
                if ov:
                    state = ov[0]
                    for setting, sname, code, desc in ov[1]:
                        sstates.append(sstate(setting, sname, "error", upn, cfg_ids[c["key"]], c["name"], None, code,
                                              desc))
                gstates.append({"id": cfg_ids[c["key"]], "displayName": c["name"], "platformType": c["ptype"],
                                "state": state, "settingCount": len(c["settings"]), "version": c["version"],
                                "settingStates": sstates})
        d["gstates"] = gstates

    # ---- managed devices output -------------------------------------------------------------------
    def grace(d):
        if d["compliance"] == "noncompliant":
            # non-compliance detected some time ago, grace period (0 days) already over
            # (stale devices turn noncompliant when the 30-day check-in threshold passes)
            stale = (ANCHOR - d["last_sync"]) > dt.timedelta(days=30)
            start = d["last_sync"] + dt.timedelta(days=30) if stale else d["last_sync"] - dt.timedelta(days=3)
            return iso(max(start, d["enrolled"]))
        return None

    devices_out = []
    for d in devices:
        u = users[d["user"]]
        devices_out.append({
            "id": d["id"], "userId": u["id"], "userPrincipalName": u["upn"], "userDisplayName": u["display"],
            "emailAddress": u["upn"], "deviceName": d["name"], "operatingSystem": OS_NAME[d["platform"]],
            "osVersion": d["osv"], "complianceState": d["compliance"],
            "complianceGracePeriodExpirationDateTime": grace(d), "managementAgent": d["agent"],
            "managedDeviceOwnerType": d["owner"], "managementState": "managed", "deviceEnrollmentType": d["etype"],
            "deviceRegistrationState": "registered", "enrolledDateTime": iso(d["enrolled"]),
            "lastSyncDateTime": iso(d["last_sync"]), "azureADDeviceId": d["aad"], "azureADRegistered": True,
            "model": d["model"], "manufacturer": d["manufacturer"], "serialNumber": d["serial"], "imei": d["imei"],
            "isEncrypted": d["encrypted"], "isSupervised": d["supervised"],
            **storage(d["id"], OS_NAME[d["platform"]]), "jailBroken": d["jailbroken"],
            "deviceActionResults": [], "deviceCompliancePolicyStates": d["cstates"],
            "deviceConfigurationStates": d["gstates"],
        })

    devstate_apply(devices_out, users, dev_by_key, cfg_ids, pol_ids)

    # ---- groups output ----------------------------------------------------------------------------
    groups_out = []
    for g in groups.values():
        members = []
        for uk in sorted(set(g["users"]), key=lambda k: users[k]["display"].lower()):
            members.append({"@odata.type": "#microsoft.graph.user", "id": users[uk]["id"]})
        for sub in g["groups"]:
            members.append({"@odata.type": "#microsoft.graph.group", "id": groups[sub]["id"]})
        for dk in g["devices"]:
            dd = dev_by_key[dk]
            members.append({"@odata.type": "#microsoft.graph.device", "id": dd["aad"], "deviceId": dd["aad"],
                            "displayName": dd["name"]})
        dynamic = g["kind"] != "assigned"
        groups_out.append({
            "id": g["id"], "displayName": g["name"], "description": g["desc"],
            "groupTypes": ["DynamicMembership"] if dynamic else [],
            "membershipRule": g["spec"]["rule"] if dynamic else None,
            "membershipRuleProcessingState": "On" if dynamic else None,
            "securityEnabled": True, "mailEnabled": False, "members": members,
        })

    # ---- policies output --------------------------------------------------------------------------
    def assignments(kind, pkey, targets):
        out = []
        for t in targets:
            out.append({"id": gid(TEN, f"{kind}Assignment", f"{pkey}/{t[0]}/{t[1]}"), "target": target_out(t)})
        return out

    compliance_out = []
    for p in COMPLIANCE:
        o = {"@odata.type": p["odata"], "id": pol_ids[p["key"]], "displayName": p["name"], "description": p["desc"],
             "createdDateTime": iso(p["created"]), "lastModifiedDateTime": iso(p["modified"]),
             "version": p["version"]}
        o.update(p["settings"])
        o["assignments"] = assignments("compliance", p["key"], p["targets"])
        compliance_out.append(o)

    configs_out = []
    for c in CONFIGS:
        o = {"@odata.type": c["odata"], "id": cfg_ids[c["key"]], "displayName": c["name"], "description": c["desc"],
             "createdDateTime": iso(c["created"]), "lastModifiedDateTime": iso(c["modified"]),
             "version": c["version"]}
        o.update(c["settings"])
        o["assignments"] = assignments("configuration", c["key"], c["targets"])
        configs_out.append(o)

    # ---- apps -------------------------------------------------------------------------------------
    INSTALL_OVERRIDES = {
        ("amara:laptop", "routeplanner"): ("failed", "seeInstallErrorCode", hresult(0x87D1041C)),
        ("joost:laptop", "sapgui"): ("failed", "seeInstallErrorCode", hresult(0x87D30065)),
        ("benoit:iphone", "teams_ios"): ("failed", "seeInstallErrorCode", hresult(0x87D13B64)),
        ("zoe:mac", "cp_mac"): ("pendingInstall", "noAdditionalDetails", 0),
        ("rohan:laptop", "m365"): ("pendingInstall", "noAdditionalDetails", 0),
        ("anja:laptop", "acrobat"): ("notInstalled", "noAdditionalDetails", 0),
    }
    INSTALL_OVERRIDES.update(spread_install_failures())
    apps_out = []
    app_ids = {}
    for a in APPS:
        app_id = gid(TEN, "mobileApp", a["key"])
        app_ids[a["key"]] = app_id
        statuses = []
        assigns = a["assign"]
        targets = [t for _, t in assigns]
        intent = assigns[0][0]
        r = random.Random(a["key"]) if a.get("own_rng") else rng
        for d in devices:
            if d["platform"] not in a["platforms"] or not reaches(targets, d):
                continue
            u = users[d["user"]]
            if d["user"] in DEVSTATE_KEYS:  # last in the list: their own draws leave the shared stream as it was
                r = random.Random(f"{a['key']}/{d['key']}")
            ov = INSTALL_OVERRIDES.get((d["key"], a["key"]))
            if ov:
                state, detail, code = ov
            elif intent == "required":
                state, detail, code = "installed", "noAdditionalDetails", 0
            else:
                installed = d["user"] == "emma" or r.random() < 0.5
                state, detail, code = ("installed" if installed else "notInstalled"), "noAdditionalDetails", 0
            sync = d["last_sync"] - dt.timedelta(minutes=r.randint(3, 240))
            sync = max(sync, d["enrolled"])
            statuses.append({
                "id": gid(TEN, "appInstallStatus", f"{a['key']}/{d['key']}"), "deviceName": d["name"],
                "deviceId": d["id"], "lastSyncDateTime": iso(sync), "installState": state,
                "installStateDetail": detail, "errorCode": code, "osVersion": d["osv"],
                "osDescription": os_description(d["platform"], d["osv"]), "userName": u["display"],
                "userPrincipalName": u["upn"],
                "displayVersion": (a["version"] if state == "installed" else None),
            })
        extra = dict(a["extra"])
        if a["key"] == "teams_ios":
            extra["usedLicenseCount"] = len(statuses)
        o = {"@odata.type": a["odata"], "id": app_id, "displayName": a["name"], "description": a["desc"],
             "publisher": a["publisher"], "publishingState": "published", "createdDateTime": iso(a["created"]),
             "lastModifiedDateTime": iso(a["modified"]), "isFeatured": False}
        o.update(extra)
        o["assignments"] = [{"id": gid(TEN, "mobileAppAssignment", f"{a['key']}/{i}/{t[0]}/{t[1]}"),
                             "intent": it, "target": target_out(t)} for i, (it, t) in enumerate(assigns)]
        o["deviceStatuses"] = statuses
        apps_out.append(o)

    # ---- app protection ---------------------------------------------------------------------------
    mam_ids = {p["key"]: gid(TEN, "managedAppPolicy", p["key"]) for p in MAM_POLICIES}
    mam_out = []
    for p in MAM_POLICIES:
        mam_out.append({
            "@odata.type": p["odata"], "id": mam_ids[p["key"]], "displayName": p["name"], "description": p["desc"],
            "createdDateTime": iso(p["created"]), "lastModifiedDateTime": iso(p["modified"]), "version": p["version"],
            "isAssigned": True, "deployedAppCount": len(p["apps"]), "minimumRequiredOsVersion": p["minos"],
            "pinRequired": True, "assignments": assignments("managedAppPolicy", p["key"], p["targets"]),
        })

    def policies_for(ukey, plat, app):
        out = []
        for p in MAM_POLICIES:
            if p["platform"] == plat and app in p["apps"] and user_reached(p["targets"], ukey):
                out.append({"@odata.type": p["odata"], "id": mam_ids[p["key"]], "displayName": p["name"]})
        return out

    regs = []

    def add_reg(rkey, ukey, plat, app, dev_name, dev_type, osv, created, last, flagged=None, checked_in=True):
        disp, bundle, package, iver, aver = MAM_APPS[app]
        ios = plat == "ios"
        pol = policies_for(ukey, plat, app)
        ident = ({"@odata.type": "#microsoft.graph.iosMobileAppIdentifier", "bundleId": bundle} if ios else
                 {"@odata.type": "#microsoft.graph.androidMobileAppIdentifier", "packageId": package})
        regs.append({
            "@odata.type": "#microsoft.graph.iosManagedAppRegistration" if ios else
            "#microsoft.graph.androidManagedAppRegistration",
            "id": gid(TEN, "managedAppRegistration", rkey), "userId": users[ukey]["id"],
            "createdDateTime": iso(created), "lastSyncDateTime": iso(last),
            "applicationVersion": iver if ios else aver,
            "managementSdkVersion": "21.1.0" if ios else "11.3.0", "platformVersion": osv, "deviceType": dev_type,
            "deviceTag": gid(TEN, "mamDeviceTag", rkey.split("/")[0]), "deviceName": dev_name,
            "flaggedReasons": flagged or [], "version": "1",
            "appIdentifier": ident, "appliedPolicies": pol if checked_in else [], "intendedPolicies": pol,
        })

    for d in devices:
        if d["platform"] not in MOBILE or d["kind"] == "zebra" or d["user"] in DEVSTATE_KEYS:
            continue
        u = users[d["user"]]
        if not intune_licensed(d["user"]) or not u["enabled"]:
            continue
        plat = "ios" if d["platform"] in IOSLIKE else "android"
        dev_type = {"ios": "iPhone", "ipados": "iPad"}.get(d["platform"], d["model"])
        apps_here = []
        if rng.random() < 0.55 or d["user"] in ("sanne", "priya", "emma", "pawel"):
            apps_here.append("outlook")
        if rng.random() < 0.2 or d["user"] in ("emma",):
            apps_here.append("teams")
        if rng.random() < 0.1:
            apps_here.append("edge")
        if plat == "android" and u["dept"] == "Logistics":
            apps_here.append("epod")
        for app in apps_here:
            created = d["enrolled"] + dt.timedelta(hours=rng.randint(1, 72))
            created = min(created, d["last_sync"])
            last = d["last_sync"] - dt.timedelta(minutes=rng.randint(0, 180))
            last = max(last, created)
            flagged = ["rootedDevice"] if d["key"] == "pawel:android" else []
            add_reg(f"{d['key']}/{app}", d["user"], plat, app, d["name"], dev_type, d["osv"], created, last, flagged)
    # app protection without enrollment (MAM-WE) on personal devices that are not enrolled
    add_reg("ngozi:ipad-unenrolled/outlook", "ngozi", "ios", "outlook", "Ngozi’s iPad", "iPad", "26.7.2",
            ago(days=212, hours=4), ago(days=38, hours=2), checked_in=False)
    add_reg("anja:iphone-unenrolled/outlook", "anja", "ios", "outlook", "iPhone", "iPhone", "27.0.1",
            ago(days=301, hours=2), ago(hours=3, minutes=41))
    add_reg("sigrid:android-unenrolled/outlook", "sigrid", "android", "outlook", "Pixel 8a", "Pixel 8a", "15",
            ago(days=143, hours=7), ago(hours=9))
    add_reg("sigrid:android-unenrolled/teams", "sigrid", "android", "teams", "Pixel 8a", "Pixel 8a", "15",
            ago(days=143, hours=6), ago(hours=9, minutes=20))

    # ---- enrollment configurations ----------------------------------------------------------------
    def restriction(blocked=False, personal_blocked=False, osmin=None, osmax=None):
        return {"platformBlocked": blocked, "personalDeviceEnrollmentBlocked": personal_blocked,
                "osMinimumVersion": osmin, "osMaximumVersion": osmax}

    ENROLL = [
        dict(key="limit_default", odata="#microsoft.graph.deviceEnrollmentLimitConfiguration",
             name="All users and all devices",
             desc="This is the default Device Limit Restriction applied with the lowest priority to all users "
                  "regardless of group membership.", priority=0, version=3, created=pday(1460),
             modified=pday(700), body={"limit": 15}, targets=[T("allLicensedUsers")]),
        dict(key="limit_staff", odata="#microsoft.graph.deviceEnrollmentLimitConfiguration",
             name="Standard staff device limit",
             desc="Five devices per person. Retire old devices before enrolling new ones.", priority=1, version=2,
             created=pday(640), modified=pday(640), body={"limit": 5}, targets=[T("group", "all_staff")]),
        dict(key="restrict_default", odata="#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration",
             name="All users and all devices",
             desc="This is the default Device Type Restriction applied with the lowest priority to all users "
                  "regardless of group membership.", priority=0, version=5, created=pday(1460),
             modified=pday(420),
             body={"iosRestriction": restriction(), "windowsRestriction": restriction(personal_blocked=True),
                   "windowsMobileRestriction": restriction(blocked=True), "androidRestriction": restriction(),
                   "macOSRestriction": restriction()},
             targets=[T("allLicensedUsers")]),
        dict(key="restrict_warehouse", odata="#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration",
             name="Warehouse - Block macOS",
             desc="Warehouse staff may not enroll Macs.", priority=1, version=2, created=pday(380),
             modified=pday(380),
             body={"iosRestriction": restriction(), "windowsRestriction": restriction(personal_blocked=True),
                   "windowsMobileRestriction": restriction(blocked=True), "androidRestriction": restriction(),
                   "macOSRestriction": restriction(blocked=True)},
             targets=[T("group", "dept_warehouse")]),
        dict(key="restrict_finance", odata="#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration",
             name="Finance - iOS 17+, GA Windows builds, corporate Android only",
             desc="Finance: iOS/iPadOS 17.0 or later, no Windows Insider builds, no personal Android devices.",
             priority=2, version=4, created=pday(300), modified=pday(60),
             body={"iosRestriction": restriction(osmin="17.0"),
                   "windowsRestriction": restriction(personal_blocked=True, osmax="10.0.26200.9999"),
                   "windowsMobileRestriction": restriction(blocked=True),
                   "androidRestriction": restriction(personal_blocked=True), "macOSRestriction": restriction()},
             targets=[T("group", "dept_finance")]),
        dict(key="whfb_default", odata="#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration",
             name="All users and all devices",
             desc="This is the default Windows Hello for Business configuration applied with the lowest priority "
                  "to all users regardless of group membership.", priority=0, version=2, created=pday(1460),
             modified=pday(900),
             body={"state": "enabled", "pinMinimumLength": 6, "pinMaximumLength": 127,
                   "pinUppercaseCharactersUsage": "allowed", "pinLowercaseCharactersUsage": "allowed",
                   "pinSpecialCharactersUsage": "allowed", "securityDeviceRequired": True,
                   "unlockWithBiometricsEnabled": True, "remotePassportEnabled": True, "pinPreviousBlockCount": 0,
                   "pinExpirationInDays": 0, "enhancedBiometricsState": "notConfigured"},
             targets=[T("allLicensedUsers")]),
        dict(key="esp_default", odata="#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
             name="All users and all devices",
             desc="This is the default enrollment status screen configuration applied with the lowest priority to "
                  "all users and all devices regardless of group membership.", priority=0, version=3,
             created=pday(1460), modified=pday(500),
             body={"showInstallationProgress": True, "blockDeviceSetupRetryByUser": False,
                   "allowDeviceResetOnInstallFailure": True, "allowLogCollectionOnInstallFailure": True,
                   "customErrorMessage": "Setup could not be completed. Call the Aurora IT Service Desk on "
                                         "+31 10 555 0199 and quote the error code on screen.",
                   "installProgressTimeoutInMinutes": 60, "allowDeviceUseOnInstallFailure": False},
             targets=[T("allLicensedUsers")]),
    ]
    enroll_ids = {e["key"]: gid(TEN, "deviceEnrollmentConfiguration", e["key"]) for e in ENROLL}
    enroll_out = []
    for e in ENROLL:
        o = {"@odata.type": e["odata"], "id": enroll_ids[e["key"]], "displayName": e["name"],
             "description": e["desc"], "priority": e["priority"], "createdDateTime": iso(e["created"]),
             "lastModifiedDateTime": iso(e["modified"]), "version": e["version"]}
        o.update(e["body"])
        o["assignments"] = assignments("enrollmentConfiguration", e["key"], e["targets"])
        enroll_out.append(o)

    # ---- troubleshooting events -------------------------------------------------------------------
    events_out = []
    for ev in EVENTS:
        (key, reason, cat, ukey, plat, etype, osv, manu, model, _days, with_details, success, extra) = ev
        u = users[ukey]
        if success:
            sd = dev_by_key[success]
            mdi, dev_id = sd["id"], sd["aad"]
        else:
            mdi = gid(TEN, "failedEnrollmentDevice", key)
            dev_id = gid(TEN, "failedEnrollmentEntraDevice", key) if plat == "windows" else ZERO_GUID
        info = [{"name": "Manufacturer", "value": manu}, {"name": "Model", "value": model}]
        info += [{"name": n, "value": v} for n, v in extra]
        events_out.append({
            "@odata.type": "#microsoft.graph.enrollmentTroubleshootingEvent",
            "id": gid(TEN, "troubleshootingEvent", key), "eventDateTime": iso(event_time[key]),
            "correlationId": gid(TEN, "correlation", key), "userId": u["id"], "deviceId": dev_id,
            "managedDeviceIdentifier": mdi, "operatingSystem": OS_NAME[plat], "osVersion": osv,
            "enrollmentType": etype, "failureCategory": cat, "failureReason": reason,
            "eventName": "Enrollment failure", "additionalInformation": info,
            "troubleshootingErrorDetails": event_details(key, u["upn"]) if with_details else None,
        })
    events_out.sort(key=lambda e: e["eventDateTime"], reverse=True)

    # ---- tenant objects ---------------------------------------------------------------------------
    org = {"value": [{
        "id": gid(TEN, "tenant", "aurora"), "displayName": "Aurora Logistics",
        "verifiedDomains": [{"name": DOMAIN, "isDefault": True, "isInitial": False},
                            {"name": "auroralogistics.onmicrosoft.com", "isDefault": False, "isInitial": True}],
        "mobileDeviceManagementAuthority": "intune", "countryLetterCode": "NL", "city": "Rotterdam"}]}
    dm = {"id": gid(TEN, "deviceManagement", "aurora"), "subscriptionState": "active",
          "intuneAccountId": gid(TEN, "intuneAccount", "aurora"),
          "settings": {"deviceComplianceCheckinThresholdDays": 30, "isScheduledActionEnabled": True,
                       "secureByDefault": False}}

    files = {
        "organization.json": org,
        "deviceManagement.json": dm,
        "users.json": {"value": list(users_out.values())},
        "groups.json": {"value": groups_out},
        "managedDevices.json": {"value": devices_out},
        "mobileApps.json": {"value": apps_out},
        "deviceCompliancePolicies.json": {"value": compliance_out},
        "deviceConfigurations.json": {"value": configs_out},
        "managedAppPolicies.json": {"value": mam_out},
        "managedAppRegistrations.json": {"value": regs},
        "deviceEnrollmentConfigurations.json": {"value": enroll_out},
        "troubleshootingEvents.json": {"value": events_out},
        **rbac_files(TEN, AURORA_OPERATORS, lambda k: users_out[k], lambda k: groups[k]["id"]),
    }
    model = dict(users=users, devices=devices, dev_by_key=dev_by_key, dev_by_aad=dev_by_aad, groups=groups,
                 g_users=g_users, g_devices=g_devices, app_ids=app_ids, pol_ids=pol_ids, cfg_ids=cfg_ids,
                 enroll_ids=enroll_ids, mam_ids=mam_ids)
    return files, model


# --------------------------------------------------------------------------------------------------
# Build Northwind Test Lab (tiny, subscription disabled)


def build_northwind():
    TEN = "northwind-lab"
    DOMAIN = "northwind-lab.example"
    rng = random.Random(424242)
    people = [("admin", "Lab", "Admin", "IT", "Lab Administrator", "E3"),
              ("tester1", "Test", "User One", "IT", "Test account", None),
              ("tester2", "Test", "User Two", "IT", "Test account", None)]
    users_out = []
    ids = {}
    for key, given, surname, dept, title, lic in people:
        local = "lab.admin" if key == "admin" else f"test.{key[-1]}"
        upn = f"{local}@{DOMAIN}"
        ids[key] = gid(TEN, "user", key)
        users_out.append({
            "id": ids[key], "displayName": f"{given} {surname}", "givenName": given, "surname": surname,
            "userPrincipalName": upn, "mail": upn, "accountEnabled": True, "department": dept, "jobTitle": title,
            "officeLocation": "Reading Lab", "usageLocation": "GB",
            "licenseDetails": license_details(TEN, key, lic) if lic else [],
        })
    admin = users_out[0]
    default_id = gid(TEN, "deviceCompliancePolicy", "builtin-default")
    devs = []
    for key, name, os_, osv, manu, model, serial, imei_, etype, enrolled_days, sync_days in [
        ("vm", "NWL-LAB-001", "Windows", "10.0.26100.4349", "Microsoft Corporation", "Virtual Machine",
         "0853-9046-1871-4423-2096-6132-81", "", "windowsAzureADJoin", 510, 74),
        ("iphone", "NWL-IPH-7Q2KD", "iOS", "18.6.2", "Apple", "iPhone 13", serial_for(rng, "apple"),
         imei(rng, "35" + rs(rng, 6, DIGITS)), "userEnrollment", 480, 71),
    ]:
        enrolled = ago(days=enrolled_days, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
        last = ago(days=sync_days, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
        devs.append({
            "id": gid(TEN, "managedDevice", key), "userId": admin["id"],
            "userPrincipalName": admin["userPrincipalName"],
            "userDisplayName": admin["displayName"], "emailAddress": admin["mail"], "deviceName": name,
            "operatingSystem": os_, "osVersion": osv, "complianceState": "noncompliant",
            "complianceGracePeriodExpirationDateTime": iso(last + dt.timedelta(days=30)), "managementAgent": "mdm",
            "managedDeviceOwnerType": "company" if os_ == "Windows" else "personal", "managementState": "managed",
            "deviceEnrollmentType": etype, "deviceRegistrationState": "registered",
            "enrolledDateTime": iso(enrolled), "lastSyncDateTime": iso(last),
            "azureADDeviceId": gid(TEN, "entraDevice", key), "azureADRegistered": True, "model": model,
            "manufacturer": manu, "serialNumber": serial, "imei": imei_, "isEncrypted": os_ != "Windows",
            "isSupervised": False, **storage(gid(TEN, "managedDevice", key), os_),
            "jailBroken": "Unknown" if os_ == "Windows" else "False",
            "deviceActionResults": [],
            "deviceCompliancePolicyStates": [{
                "id": default_id, "displayName": "Default Device Compliance Policy", "platformType": "all",
                "state": "nonCompliant", "settingCount": 3, "version": 1,
                "settingStates": [{"setting": "DefaultDeviceCompliancePolicy.RequireRemainContact",
                                   "settingName": "Is active", "instanceDisplayName": None, "state": "nonCompliant",
                                   "errorCode": 0, "errorDescription": None, "currentValue": None,
                                   "userPrincipalName": admin["userPrincipalName"],
                                   "sources": [{"id": default_id,
                                                "displayName": "Default Device Compliance Policy"}]}]}],
            "deviceConfigurationStates": [],
        })
    group = {"id": gid(TEN, "group", "lab"), "displayName": "Lab Testers",
             "description": "Accounts used for lab testing.", "groupTypes": [], "membershipRule": None,
             "membershipRuleProcessingState": None, "securityEnabled": True, "mailEnabled": False,
             "members": [{"@odata.type": "#microsoft.graph.user", "id": u["id"]} for u in users_out]}
    files = {
        "organization.json": {"value": [{
            "id": gid(TEN, "tenant", "northwind-lab"), "displayName": "Northwind Test Lab",
            "verifiedDomains": [{"name": DOMAIN, "isDefault": True, "isInitial": False},
                                {"name": "northwindlab.onmicrosoft.com", "isDefault": False, "isInitial": True}],
            "mobileDeviceManagementAuthority": "office365", "countryLetterCode": "GB", "city": "Reading"}]},
        "deviceManagement.json": {"id": gid(TEN, "deviceManagement", "northwind-lab"), "subscriptionState": "disabled",
                                  "intuneAccountId": gid(TEN, "intuneAccount", "northwind-lab"),
                                  "settings": {"deviceComplianceCheckinThresholdDays": 30,
                                               "isScheduledActionEnabled": True, "secureByDefault": False}},
        "users.json": {"value": users_out},
        "groups.json": {"value": [group]},
        "managedDevices.json": {"value": devs},
        "mobileApps.json": {"value": []},
        "deviceCompliancePolicies.json": {"value": []},
        "deviceConfigurations.json": {"value": []},
        "managedAppPolicies.json": {"value": []},
        "managedAppRegistrations.json": {"value": []},
        "deviceEnrollmentConfigurations.json": {"value": []},
        "troubleshootingEvents.json": {"value": []},
        # The lab has one operator: its administrator (the subscription is disabled, so there is little to do).
        **rbac_files(TEN, [("admin", "Lab - Intune administrators", "Lab administrators", "admin",
                            "allDevicesAndLicensedUsers", [])],
                     lambda k: users_out[0], lambda k: group["id"]),
    }
    return files


# --------------------------------------------------------------------------------------------------
# serialisation

MANIFEST = {"anchorDateTime": ANCHOR_S,
            "tenants": [{"id": "aurora", "displayName": "Aurora Logistics"},
                        {"id": "northwind-lab", "displayName": "Northwind Test Lab"}]}


def compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def dumps(obj) -> bytes:
    """Compact JSON, one collection element per line (small files, readable per-record diffs)."""
    if isinstance(obj, dict) and list(obj) == ["value"] and obj["value"]:
        body = ",\n".join(compact(v) for v in obj["value"])
        return ('{"value":[\n' + body + "\n]}\n").encode("utf-8")
    return (compact(obj) + "\n").encode("utf-8")


def render():
    SUCCESS_AFTER.clear()
    aurora, model = build_aurora()
    northwind = build_northwind()
    out = {"manifest.json": dumps(MANIFEST)}
    for name in FILES:
        out[f"aurora/{name}"] = dumps(aurora[name])
        out[f"northwind-lab/{name}"] = dumps(northwind[name])
    return out, aurora, northwind, model


# --------------------------------------------------------------------------------------------------
# verification


class CheckError(AssertionError):
    pass


def check(cond, msg):
    if not cond:
        raise CheckError(msg)


GUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def walk(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield path, k, v
            yield from walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")


def check_generic(tenant: str, files: dict):
    for name in FILES:
        check(name in files, f"{tenant}: missing {name}")
        if name != "deviceManagement.json":
            check(isinstance(files[name].get("value"), list), f"{tenant}/{name}: no value array")
    for name, obj in files.items():
        for path, k, v in walk(obj):
            if k.endswith("DateTime"):
                if v is None:
                    check(k == "complianceGracePeriodExpirationDateTime", f"{tenant}/{name}{path}.{k} is null")
                    continue
                check(isinstance(v, str) and TS_RE.match(v), f"{tenant}/{name}{path}.{k} bad timestamp {v!r}")
                # a grace period runs into the future; everything else has happened
                check(parse(v) <= ANCHOR or k == "complianceGracePeriodExpirationDateTime",
                      f"{tenant}/{name}{path}.{k} after anchor: {v}")
            if k in ("id", "userId", "deviceId", "managedDeviceIdentifier", "azureADDeviceId", "groupId", "skuId",
                     "servicePlanId", "correlationId", "intuneAccountId", "deviceTag"):
                check(isinstance(v, str) and GUID_RE.match(v), f"{tenant}/{name}{path}.{k} not a lowercase GUID: {v!r}")
    # uniqueness of top-level ids per file
    for name in FILES:
        if name == "deviceManagement.json":
            continue
        ids = [o["id"] for o in files[name]["value"]]
        check(len(ids) == len(set(ids)), f"{tenant}/{name}: duplicate ids")
    users = {u["id"]: u for u in files["users.json"]["value"]}
    devices = {d["id"]: d for d in files["managedDevices.json"]["value"]}
    for d in devices.values():
        u = users.get(d["userId"])
        check(u is not None, f"{tenant}: device {d['deviceName']} has unknown user")
        check(d["userPrincipalName"] == u["userPrincipalName"] and d["userDisplayName"] == u["displayName"]
              and d["emailAddress"] == u["mail"], f"{tenant}: device {d['deviceName']} user fields mismatch")
    group_ids = {g["id"] for g in files["groups.json"]["value"]}
    aad_ids = {d["azureADDeviceId"] for d in devices.values()}
    for g in files["groups.json"]["value"]:
        for m in g["members"]:
            t = m["@odata.type"]
            if t == "#microsoft.graph.user":
                check(m["id"] in users, f"{tenant}: group {g['displayName']} has unknown user member")
            elif t == "#microsoft.graph.group":
                check(m["id"] in group_ids, f"{tenant}: group {g['displayName']} has unknown group member")
            elif t == "#microsoft.graph.device":
                check(m["id"] in aad_ids and m["deviceId"] == m["id"],
                      f"{tenant}: group {g['displayName']} has unknown device member")
            else:
                raise CheckError(f"{tenant}: bad member type {t}")
    for ev in files["troubleshootingEvents.json"]["value"]:
        check(ev["userId"] in users, f"{tenant}: event {ev['id']} has unknown user")
        check(ev["failureCategory"] in FAILURE_CATEGORIES, f"{tenant}: bad failureCategory {ev['failureCategory']}")
        check(ev["failureReason"] in PORTAL_FAILURE_REASONS or (ev["failureReason"] is None and
                                                                ev["failureCategory"] == "unknown"),
              f"{tenant}: bad failureReason {ev['failureReason']}")


def check_aurora(files: dict, model: dict):
    users_list = files["users.json"]["value"]
    users = {u["id"]: u for u in users_list}
    by_upn = {u["userPrincipalName"]: u for u in users_list}
    devices = files["managedDevices.json"]["value"]
    dev_by_id = {d["id"]: d for d in devices}
    groups = {g["id"]: g for g in files["groups.json"]["value"]}
    groups_by_name = {g["displayName"]: g for g in groups.values()}
    apps = files["mobileApps.json"]["value"]
    cps = files["deviceCompliancePolicies.json"]["value"]
    cfgs = files["deviceConfigurations.json"]["value"]
    mams = files["managedAppPolicies.json"]["value"]
    regs = files["managedAppRegistrations.json"]["value"]
    enr = files["deviceEnrollmentConfigurations.json"]["value"]
    evs = files["troubleshootingEvents.json"]["value"]

    # ---- sizes / counts --------------------------------------------------------------------------
    check(len(users_list) >= 42, "aurora: need >= 42 users")
    check(len(devices) >= 80, "aurora: need >= 80 devices")
    check({d["operatingSystem"] for d in devices} == {"Windows", "iOS", "iPadOS", "Android", "macOS"},
          "aurora: all five platforms")
    check(len(apps) == 16, "aurora: 16 apps")
    check(len(cps) == 6, "aurora: 6 compliance policies")
    check(len(cfgs) >= 6, "aurora: >= 6 configuration policies")
    check(len(mams) >= 4 and {m["@odata.type"] for m in mams} == {"#microsoft.graph.iosManagedAppProtection",
                                                                   "#microsoft.graph.androidManagedAppProtection"},
          "aurora: >= 4 app protection policies, iOS + Android")
    check(len(regs) >= 30, "aurora: >= 30 app registrations")
    check(len(enr) >= 6, "aurora: >= 6 enrollment configurations")
    check(len(groups) >= 20, "aurora: >= 20 groups")
    types = {c["@odata.type"] for c in cfgs}
    for t in ("#microsoft.graph.iosWiFiConfiguration", "#microsoft.graph.windowsWifiConfiguration",
              "#microsoft.graph.windows10VpnConfiguration"):
        check(t in types, f"aurora: missing config type {t}")
    check(not any(c["displayName"] == "Default Device Compliance Policy" for c in cps),
          "aurora: default policy must not be in the list")

    # ---- groups: transitive membership, rules, nesting -------------------------------------------
    def members_of(gid_, kind):
        return [m for m in groups[gid_]["members"] if m["@odata.type"] == f"#microsoft.graph.{kind}"]

    def depth(gid_, seen=()):
        check(gid_ not in seen, "aurora: group nesting cycle")
        subs = [m["id"] for m in members_of(gid_, "group")]
        return 0 if not subs else 1 + max(depth(s, seen + (gid_,)) for s in subs)

    def t_users(gid_):
        out = {m["id"] for m in members_of(gid_, "user")}
        for m in members_of(gid_, "group"):
            out |= t_users(m["id"])
        return out

    def t_devs(gid_):
        out = {m["id"] for m in members_of(gid_, "device")}
        for m in members_of(gid_, "group"):
            out |= t_devs(m["id"])
        return out

    check(max(depth(g) for g in groups) >= 2, "aurora: need group nesting >= 2 levels")
    check(any(members_of(g, "group") for g in groups if not groups[g]["groupTypes"]), "aurora: assigned nesting")
    dyn_user = dyn_dev = 0
    for g in groups.values():
        rule = g["membershipRule"]
        if g["groupTypes"] == ["DynamicMembership"]:
            check(g["membershipRuleProcessingState"] == "On" and rule, f"aurora: dynamic group {g['displayName']}")
            m = re.fullmatch(r'user\.department -eq "(.+)"', rule)
            if m:
                dyn_user += 1
                expect = {u["id"] for u in users_list if u["department"] == m.group(1)}
                check({x["id"] for x in g["members"]} == expect, f"aurora: {g['displayName']} members != rule")
            else:
                check(rule.startswith("device.") or rule.startswith("(device."), f"aurora: rule {rule}")
                dyn_dev += 1
                check(g["members"] and all(x["@odata.type"] == "#microsoft.graph.device" for x in g["members"]),
                      f"aurora: {g['displayName']} must have device members")
        else:
            check(g["groupTypes"] == [] and rule is None and g["membershipRuleProcessingState"] is None,
                  f"aurora: assigned group {g['displayName']} shape")
    check(dyn_user >= 5 and dyn_dev >= 3, "aurora: dynamic user and device groups")

    def licensed(u):
        return has_intune(u)

    def target_hit(t, dev):
        ty = t["@odata.type"]
        if ty == "#microsoft.graph.allLicensedUsersAssignmentTarget":
            return licensed(users[dev["userId"]])
        if ty == "#microsoft.graph.allDevicesAssignmentTarget":
            return True
        return dev["userId"] in t_users(t["groupId"]) or dev["azureADDeviceId"] in t_devs(t["groupId"])

    def reaches(assignments, dev):
        inc = [a["target"] for a in assignments
               if a["target"]["@odata.type"] != "#microsoft.graph.exclusionGroupAssignmentTarget"]
        exc = [a["target"] for a in assignments
               if a["target"]["@odata.type"] == "#microsoft.graph.exclusionGroupAssignmentTarget"]
        return any(target_hit(t, dev) for t in inc) and not any(target_hit(t, dev) for t in exc)

    for a in [*cps, *cfgs, *apps, *mams, *enr]:
        for asg in a["assignments"]:
            if "groupId" in asg["target"]:
                check(asg["target"]["groupId"] in groups, f"aurora: {a['displayName']} assigned to unknown group")

    # ---- platform applicability ------------------------------------------------------------------
    def plat_key(dev):
        if dev["operatingSystem"] == "Android":
            return "android_ent" if dev["deviceEnrollmentType"].startswith("androidEnterprise") else "android_wp"
        return {"Windows": "windows", "iOS": "ios", "iPadOS": "ipados", "macOS": "macos"}[dev["operatingSystem"]]

    cp_plat = {p["key"]: p["platforms"] for p in COMPLIANCE}
    cp_key = {model["pol_ids"][k]: k for k in cp_plat}
    cfg_plat = {c["key"]: c["platforms"] for c in CONFIGS}
    cfg_key = {model["cfg_ids"][k]: k for k in cfg_plat}
    cps_by_id = {p["id"]: p for p in cps}
    cfgs_by_id = {c["id"]: c for c in cfgs}
    default_id = model["pol_ids"]["cp_default"]

    for dev in devices:
        pk = plat_key(dev)
        states = {s["id"]: s for s in dev["deviceCompliancePolicyStates"]}
        check(default_id in states, f"aurora: {dev['deviceName']} lacks default policy state")
        expect = {p["id"] for p in cps if pk in cp_plat[cp_key[p["id"]]] and reaches(p["assignments"], dev)}
        check(set(states) - {default_id} == expect, f"aurora: {dev['deviceName']} compliance states != assignments")
        check(expect, f"aurora: {dev['deviceName']} has no compliance policy assigned")
        for sid, s in states.items():
            if sid != default_id:
                check(s["displayName"] == cps_by_id[sid]["displayName"], "aurora: state name mismatch")
            check(bool(s["settingStates"]) == (s["state"] not in ("compliant", "notApplicable")),
                  f"aurora: {dev['deviceName']} settingStates only for failing settings")
        stale = ANCHOR - parse(dev["lastSyncDateTime"]) > dt.timedelta(days=30)
        check((states[default_id]["state"] == "nonCompliant") == stale, f"aurora: {dev['deviceName']} Is active")
        sts = [s["state"] for s in states.values()]
        want = "noncompliant" if "nonCompliant" in sts else "error" if "error" in sts else "compliant"
        in_grace = (dev["complianceState"] == "inGracePeriod" and want == "noncompliant"
                    and parse(dev["complianceGracePeriodExpirationDateTime"]) > ANCHOR)  # devstate: Mila
        check(dev["complianceState"] == want or in_grace,
              f"aurora: {dev['deviceName']} complianceState {dev['complianceState']}")
        gst = {s["id"]: s for s in dev["deviceConfigurationStates"]}
        expect = {c["id"] for c in cfgs if pk in cfg_plat[cfg_key[c["id"]]] and reaches(c["assignments"], dev)}
        # devstate: the one profile that reports no state (Noah's Windows Hello pilot)
        unreported = {c["id"] for c in cfgs if c["displayName"] == DEVSTATE_NO_STATE_PROFILE}
        check(set(gst) == expect or set(gst) == expect - unreported,
              f"aurora: {dev['deviceName']} configuration states != assignments")
        for s in gst.values():
            check(s["displayName"] == cfgs_by_id[s["id"]]["displayName"], "aurora: config state name mismatch")
            for ss in s["settingStates"]:
                check(ss["userPrincipalName"] == dev["userPrincipalName"], "aurora: setting state upn")
        check(parse(dev["enrolledDateTime"]) <= parse(dev["lastSyncDateTime"]),
              f"aurora: {dev['deviceName']} sync<enroll")
        if dev["operatingSystem"] in ("iOS", "iPadOS", "macOS"):
            t = parse(dev["enrolledDateTime"])
            check(not (APNS_OUTAGE[0] <= t <= APNS_OUTAGE[1]), f"aurora: Apple enrollment during APNs outage")

    # ---- app statuses ----------------------------------------------------------------------------
    app_plat = {model["app_ids"][a["key"]]: a["platforms"] for a in APPS}
    for app in apps:
        seen = set()
        for st in app["deviceStatuses"]:
            dev = dev_by_id.get(st["deviceId"])
            check(dev is not None, f"aurora: app {app['displayName']} status for unknown device")
            check(st["deviceName"] == dev["deviceName"] and st["userPrincipalName"] == dev["userPrincipalName"],
                  "aurora: app status device/user mismatch")
            check(plat_key(dev) in app_plat[app["id"]], f"aurora: {app['displayName']} platform mismatch")
            check(reaches(app["assignments"], dev), f"aurora: {app['displayName']} not assigned to {dev['deviceName']}")
            check(parse(st["lastSyncDateTime"]) <= parse(dev["lastSyncDateTime"]), "aurora: status newer than device")
            check((st["errorCode"] != 0) == (st["installState"] == "failed"), "aurora: errorCode iff failed")
            seen.add(dev["id"])
        expect = {d["id"] for d in devices if plat_key(d) in app_plat[app["id"]] and reaches(app["assignments"], d)}
        check(seen == expect, f"aurora: {app['displayName']} statuses incomplete")

    # ---- app protection --------------------------------------------------------------------------
    mam_ids = {m["id"] for m in mams}
    for r in regs:
        check(r["userId"] in users, "aurora: registration with unknown user")
        for p in r["appliedPolicies"] + r["intendedPolicies"]:
            check(p["id"] in mam_ids, "aurora: registration refers to unknown policy")
        check(parse(r["createdDateTime"]) <= parse(r["lastSyncDateTime"]), "aurora: registration times")
    check(any(r["flaggedReasons"] == ["rootedDevice"] for r in regs), "aurora: one rooted registration")

    # ---- licences --------------------------------------------------------------------------------
    sku_users = {}
    for u in users_list:
        for ld in u["licenseDetails"]:
            sku_users.setdefault(ld["skuPartNumber"], []).append(u)
            if ld["skuPartNumber"] in ("SPE_E3", "EMS", "EMSPREMIUM", "SPE_F1"):
                check(any(sp["servicePlanName"] == "INTUNE_A" and sp["servicePlanId"] == INTUNE_A_ID
                          for sp in ld["servicePlans"]), "aurora: Intune SKU without INTUNE_A")
    check(len(sku_users.get("SPE_E3", [])) >= 5 and sku_users.get("EMS") and sku_users.get("EMSPREMIUM"),
          "aurora: license mix")
    disabled = [u for u in users_list for ld in u["licenseDetails"] for sp in ld["servicePlans"]
                if sp["servicePlanName"] == "INTUNE_A" and sp["provisioningStatus"] == "Disabled"]
    check(len(disabled) == 1, "aurora: exactly one user with INTUNE_A Disabled")
    for u in users_list:
        if not licensed(u):
            check(not any(d["userId"] == u["id"] for d in devices),
                  f"aurora: unlicensed {u['displayName']} has devices")

    # ---- enrollment configurations ---------------------------------------------------------------
    lims = [e for e in enr if e["@odata.type"] == "#microsoft.graph.deviceEnrollmentLimitConfiguration"]
    check(any(e["priority"] == 0 and e["limit"] == 15 and e["assignments"][0]["target"]["@odata.type"] ==
              "#microsoft.graph.allLicensedUsersAssignmentTarget" for e in lims), "aurora: default limit 15")
    staff = [e for e in lims if e["displayName"] == "Standard staff device limit"]
    check(len(staff) == 1 and staff[0]["priority"] == 1 and staff[0]["limit"] == 5 and
          staff[0]["assignments"][0]["target"]["groupId"] == groups_by_name["All Staff"]["id"],
          "aurora: staff limit 5 priority 1 -> All Staff")
    prs = [e for e in enr if e["@odata.type"] == "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration"]
    check(any(e["priority"] == 0 for e in prs), "aurora: default platform restrictions")
    plats = ("iosRestriction", "windowsRestriction", "windowsMobileRestriction", "androidRestriction",
             "macOSRestriction")
    check(any(e["priority"] > 0 and any(e[p]["platformBlocked"] for p in plats if p != "windowsMobileRestriction")
              for e in prs), "aurora: custom restriction blocking a platform")
    check(any(e["priority"] > 0 and e["iosRestriction"]["osMinimumVersion"] and
              e["androidRestriction"]["personalDeviceEnrollmentBlocked"] for e in prs),
          "aurora: custom restriction with iOS minimum and personal Android blocked")
    check(any(e["@odata.type"] == "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration" and
              e["priority"] == 0 for e in enr), "aurora: WHfB default")

    def effective_limit(u):
        # custom configurations win in priority order (1 first); priority 0 is the tenant default, applied last
        for e in sorted(lims, key=lambda e: e["priority"] or 10**9):
            for a in e["assignments"]:
                t = a["target"]
                if t["@odata.type"] == "#microsoft.graph.allLicensedUsersAssignmentTarget" or (
                        "groupId" in t and u["id"] in t_users(t["groupId"])):
                    return e
        return None

    def effective_restriction(u):
        for e in sorted(prs, key=lambda e: e["priority"] or 10**9):
            for a in e["assignments"]:
                t = a["target"]
                if t["@odata.type"] == "#microsoft.graph.allLicensedUsersAssignmentTarget" or (
                        "groupId" in t and u["id"] in t_users(t["groupId"])):
                    return e
        return None

    def ver(v):
        return tuple(int(x) for x in v.split("."))

    rkey = {"iOS": "iosRestriction", "iPadOS": "iosRestriction", "Android": "androidRestriction",
            "Windows": "windowsRestriction", "macOS": "macOSRestriction"}
    # every enrolled device is allowed by the restrictions and limit that apply to its user
    for u in users_list:
        mine = [d for d in devices if d["userId"] == u["id"]]
        if not mine:
            continue
        check(len(mine) <= effective_limit(u)["limit"], f"aurora: {u['displayName']} exceeds device limit")
        r = effective_restriction(u)
        for d in mine:
            pr = r[rkey[d["operatingSystem"]]]
            check(not pr["platformBlocked"], f"aurora: {d['deviceName']} platform blocked for its user")
            check(not (pr["personalDeviceEnrollmentBlocked"] and d["managedDeviceOwnerType"] == "personal"),
                  f"aurora: {d['deviceName']} personal but personal enrollment blocked")
            if pr["osMinimumVersion"]:
                check(ver(d["osVersion"]) >= ver(pr["osMinimumVersion"]), f"aurora: {d['deviceName']} OS too low")
            if pr["osMaximumVersion"]:
                check(ver(d["osVersion"]) <= ver(pr["osMaximumVersion"]), f"aurora: {d['deviceName']} OS too high")
    # restriction-driven failures agree with the restriction/limit that applies to the user
    for e in evs:
        u = users[e["userId"]]
        pr = effective_restriction(u)[rkey[e["operatingSystem"]]]
        reason = e["failureReason"]
        if reason == "Device platform blocked":
            check(pr["platformBlocked"], "aurora: platform-blocked event but platform allowed")
        elif reason == "Device version too low":
            check(pr["osMinimumVersion"] and ver(e["osVersion"]) < ver(pr["osMinimumVersion"]), "aurora: too low")
        elif reason == "Device version too high":
            check(pr["osMaximumVersion"] and ver(e["osVersion"]) > ver(pr["osMaximumVersion"]), "aurora: too high")
        elif reason in ("Device cannot be enrolled as personal", "Device not preregistered"):
            check(pr["personalDeviceEnrollmentBlocked"], f"aurora: {reason} but personal enrollment allowed")
        elif reason == "Device cap reached":
            before = [d for d in devices if d["userId"] == u["id"] and
                      parse(d["enrolledDateTime"]) < parse(e["eventDateTime"])]
            check(len(before) >= effective_limit(u)["limit"], "aurora: device cap event below the limit")
        elif reason == "User not found or licensed":
            check(not licensed(u), "aurora: licensing event for a licensed user")
        elif reason == "Apple onboarding":
            check(APNS_OUTAGE[0] <= parse(e["eventDateTime"]) <= APNS_OUTAGE[1], "aurora: APNs event outside outage")

    # ---- events ----------------------------------------------------------------------------------
    reasons = {e["failureReason"] for e in evs} - {None}
    check(reasons == set(PORTAL_FAILURE_REASONS), f"aurora: missing reasons {set(PORTAL_FAILURE_REASONS) - reasons}")
    with_details = sum(1 for e in evs if e["troubleshootingErrorDetails"])
    check(0.25 <= with_details / len(evs) <= 0.45, "aurora: about a third of events with details")
    followed = [e for e in evs if e["managedDeviceIdentifier"] in dev_by_id and
                parse(dev_by_id[e["managedDeviceIdentifier"]]["enrolledDateTime"]) > parse(e["eventDateTime"])]
    check(3 <= len(followed) < len(evs) / 2, "aurora: some (not most) events followed by a successful enrollment")
    for e in evs:
        d = dev_by_id.get(e["managedDeviceIdentifier"])
        if d is not None:
            check(d["userId"] == e["userId"] and d["azureADDeviceId"] == e["deviceId"],
                  "aurora: follow-up device belongs to the event user")
            check(parse(d["enrolledDateTime"]) > parse(e["eventDateTime"]), "aurora: follow-up enrolled after event")
    cat_ok = {
        "User not found or licensed": {"userValidation"}, "Device cap reached": {"enrollmentRestrictionsEnforced"},
        "Device version too low": {"enrollmentRestrictionsEnforced"},
        "Device version too high": {"enrollmentRestrictionsEnforced"},
        "Device platform blocked": {"enrollmentRestrictionsEnforced"},
        "Device cannot be enrolled as personal": {"enrollmentRestrictionsEnforced"},
        "Enrollment restrictions not met": {"enrollmentRestrictionsEnforced"},
        "Device not preregistered": {"enrollmentRestrictionsEnforced"},
        "iOS/iPadOS Timeout or Failure": {"userAbandonment", "clientDisconnected"},
        "Device not supported": {"deviceNotSupported"}, "Feature not supported": {"featureNotSupported"},
        "Enrollment authorization failed": {"authorization"}, "Bulk token expired": {"authentication"},
    }
    for e in evs:
        if e["failureReason"] in cat_ok:
            check(e["failureCategory"] in cat_ok[e["failureReason"]], f"aurora: category for {e['failureReason']}")
    check(len({e["userId"] for e in evs}) >= 15, "aurora: events spread over users")

    # ---- names -----------------------------------------------------------------------------------
    story_first = {"Sanne", "Lucas", "Priya", "Tom", "Amara", "Jonas", "Emma", "Mark", "Zoë"}
    for u in users_list:
        first = u["displayName"].split(" ")[0]
        if first in story_first:
            check(sum(1 for x in users_list if x["displayName"].split(" ")[0] == first) == 1,
                  f"aurora: first name {first} is not unique")
    check(len({u["displayName"] for u in users_list}) == len(users_list), "aurora: duplicate display names")
    depts = {u["department"] for u in users_list}
    check({"Sales", "Operations", "Finance", "IT", "Warehouse", "HR", "Logistics"} <= depts, "aurora: departments")

    # ---- stories ---------------------------------------------------------------------------------
    def U(local):
        return by_upn[f"{local}@aurora-logistics.example"]

    def devs_of(u):
        return [d for d in devices if d["userId"] == u["id"]]

    def cstate(d, name):
        return next((s for s in d["deviceCompliancePolicyStates"] if s["displayName"] == name), None)

    def gstate(d, name):
        return next((s for s in d["deviceConfigurationStates"] if s["displayName"] == name), None)

    def app_statuses(d):
        return [(a, s) for a in apps for s in a["deviceStatuses"] if s["deviceId"] == d["id"]]

    def evs_of(u):
        return [e for e in evs if e["userId"] == u["id"]]

    # Sanne
    sanne = U("sanne.devries")
    check(sanne["displayName"] == "Sanne de Vries", "sanne name")
    sd = devs_of(sanne)
    iph = [d for d in sd if d["operatingSystem"] == "iOS"]
    win = [d for d in sd if d["operatingSystem"] == "Windows"]
    check(len(iph) == 1 and len(win) == 1, "sanne: one iPhone and one Windows laptop")
    iph, win = iph[0], win[0]
    check(iph["complianceState"] == "noncompliant", "sanne: iPhone noncompliant")
    ios_state = cstate(iph, "iOS/iPadOS - Standard compliance")
    check(ios_state and ios_state["state"] == "nonCompliant", "sanne: iOS policy nonCompliant")
    check(any(s["setting"] == "IosCompliancePolicy.passcodeRequired" and
              s["settingName"] == "Require a password to unlock mobile devices" and s["state"] == "nonCompliant"
              and s["currentValue"] == "false" for s in ios_state["settingStates"]), "sanne: passcode setting")
    check(win["complianceState"] == "compliant", "sanne: laptop compliant")
    wifi = gstate(iph, "Aurora Staff Wi-Fi (iOS/iPadOS)")
    check(wifi and wifi["state"] == "error" and any(s["errorCode"] < 0 and s["errorDescription"]
                                                    for s in wifi["settingStates"]), "sanne: Wi-Fi error")
    # Lucas
    lucas = U("lucas.martin")
    check([ld["skuPartNumber"] for ld in lucas["licenseDetails"]] == ["STANDARDPACK"], "lucas: only E1")
    check(not licensed(lucas) and not any(sp["servicePlanName"] == "INTUNE_A" for ld in lucas["licenseDetails"]
                                          for sp in ld["servicePlans"]), "lucas: no INTUNE_A")
    check(not devs_of(lucas), "lucas: zero devices")
    le = evs_of(lucas)
    check(len(le) == 1 and le[0]["failureReason"] == "User not found or licensed" and
          le[0]["failureCategory"] == "userValidation", "lucas: one userValidation event")
    # Priya
    priya = U("priya.raman")
    pa = [d for d in devs_of(priya) if d["operatingSystem"] == "Android"]
    check(len(pa) == 1, "priya: one Android")
    pa = pa[0]
    check(pa["lastSyncDateTime"] == iso(ago(days=45)), "priya: last sync exactly 45 days ago")
    check(pa["complianceState"] == "noncompliant", "priya: noncompliant")
    dflt = cstate(pa, "Default Device Compliance Policy")
    check(dflt["state"] == "nonCompliant" and any(s["settingName"] == "Is active" and s["state"] == "nonCompliant"
                                                  for s in dflt["settingStates"]), "priya: Is active")
    # Tom
    tom = U("tom.becker")
    vpn_group = groups_by_name["VPN Users"]
    vpn = next(c for c in cfgs if c["displayName"] == "Aurora VPN (Windows)")
    check([a["target"].get("groupId") for a in vpn["assignments"]] == [vpn_group["id"]], "vpn: only VPN Users")
    check(tom["id"] not in t_users(vpn_group["id"]), "tom: not in VPN Users")
    tw = [d for d in devs_of(tom) if d["operatingSystem"] == "Windows"]
    check(len(tw) == 1 and tw[0]["complianceState"] == "compliant", "tom: compliant Windows laptop")
    check(gstate(tw[0], "Aurora VPN (Windows)") is None, "tom: no VPN state")
    vpn_devs = [d for d in devices if d["operatingSystem"] == "Windows" and d["userId"] in t_users(vpn_group["id"])]
    check(vpn_devs and all(gstate(d, "Aurora VPN (Windows)") for d in vpn_devs), "vpn: members have the state")
    # Amara
    amara = U("amara.okafor")
    aw = [d for d in devs_of(amara) if d["operatingSystem"] == "Windows"]
    rp = next(a for a in apps if a["displayName"] == "Aurora Route Planner")
    check(rp["@odata.type"] == "#microsoft.graph.win32LobApp", "route planner type")
    st = [s for s in rp["deviceStatuses"] if s["deviceId"] == aw[0]["id"]]
    check(len(st) == 1 and st[0]["installState"] == "failed" and st[0]["installStateDetail"] == "seeInstallErrorCode"
          and st[0]["errorCode"] == -2016345060, "amara: route planner failed 0x87D1041C")
    check(any(a["intent"] == "required" for a in rp["assignments"]), "route planner required")
    # Jonas
    jonas = U("jonas.berg")
    jd = devs_of(jonas)
    check(len(jd) == 5, "jonas: exactly five devices")
    lim = effective_limit(jonas)
    check(lim["limit"] == 5 and lim["priority"] == 1 and lim["displayName"] == "Standard staff device limit",
          "jonas: limit 5 via priority 1")
    je = [e for e in evs_of(jonas) if e["failureReason"] == "Device cap reached"]
    check(len(je) == 1 and je[0]["failureCategory"] == "enrollmentRestrictionsEnforced", "jonas: device cap event")
    check(all(parse(je[0]["eventDateTime"]) > parse(d["enrolledDateTime"]) for d in jd), "jonas: event after")
    # Emma
    emma = U("emma.laurent")
    check(emma["accountEnabled"] and licensed(emma), "emma: licensed and enabled")
    ed = devs_of(emma)
    check(len(ed) >= 2 and all(d["complianceState"] == "compliant" for d in ed), "emma: compliant devices")
    for d in ed:
        check(all(s["installState"] == "installed" for _, s in app_statuses(d)), "emma: all installs installed")
        check(all(s["state"] == "compliant" for s in d["deviceConfigurationStates"]), "emma: no config errors")
        check(app_statuses(d), "emma: has app statuses")
    check(not evs_of(emma), "emma: no enrollment failures")
    # Mark
    mark = U("mark.jansen")
    check(mark["accountEnabled"] is False and len(devs_of(mark)) == 1, "mark: disabled with one device")
    # Zoë
    zoe = U("zoe.angstrom-nunez")
    check(zoe["displayName"] == "Zoë Ångström-Núñez" and licensed(zoe) and devs_of(zoe), "zoe")
    # XSS probe
    xss = U("xss.probe")
    check(xss["displayName"] == XSS_NAME and xss["department"] == "IT", "xss user")
    xd = devs_of(xss)
    check(len(xd) == 1 and xd[0]["deviceName"] == XSS_DEVICE, "xss device")
    # only intended users are in trouble: every event user exists; events never for emma/zoe/tom/sanne/amara
    for u in (emma, zoe, tom, amara, sanne, mark, priya):
        check(not evs_of(u), f"{u['displayName']}: no enrollment failures expected")

    # ---- operators -------------------------------------------------------------------------------
    # The Benelux help desk reaches users only through the office groups nested in its scope group.
    benelux = next(a for a in files["roleAssignments.json"]["value"] if a["displayName"] == "Help desk - Benelux")
    check(all(not members_of(g, "user") for g in benelux["resourceScopes"]), "benelux scope: users only by nesting")
    in_scope = set().union(*(t_users(g) for g in benelux["resourceScopes"]))
    for local in ("sanne.devries", "chloe.peeters"):
        check(U(local)["id"] in in_scope, f"benelux help desk: {local} in scope")
    for local in ("tom.becker", "emma.laurent", "felix.kohler"):
        check(U(local)["id"] not in in_scope, f"benelux help desk: {local} out of scope")


# ── App protection and enrollment findings (issue 11) ─────────────────────────────────────────────────────────
# Each kind of finding occurs for a named user, computed with the rules Tier1 applies
# (src/domain/findings/app_protection.rs, enrollment.rs), and Emma gets none of them.

def check_protection_enrollment_findings(files: dict):
    users = {u["userPrincipalName"].split("@")[0]: u for u in files["users.json"]["value"]}
    devices = files["managedDevices.json"]["value"]
    regs = files["managedAppRegistrations.json"]["value"]
    evs = files["troubleshootingEvents.json"]["value"]
    groups = {g["id"]: g for g in files["groups.json"]["value"]}
    prs = [e for e in files["deviceEnrollmentConfigurations.json"]["value"]
           if e["@odata.type"] == "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration"]

    def platform(os_):
        return {"ios": "iOS", "ipados": "iPadOS", "macos": "macOS"}.get(os_.lower(), os_)

    def not_checked_in(r):
        applied = {p["id"] for p in r["appliedPolicies"]}
        return any(p["id"] not in applied for p in r["intendedPolicies"])

    def flagged(r):
        return any(f != "none" for f in r["flaggedReasons"])

    def unresolved(e):
        mine = [d for d in devices if d["userId"] == e["userId"]]
        later = lambda d: parse(d["enrolledDateTime"]) > parse(e["eventDateTime"])
        return not any(later(d) and (d["id"] == e["managedDeviceIdentifier"] or
                                     platform(d["operatingSystem"]) == platform(e["operatingSystem"])) for d in mine)

    def in_group(uid, gid_):
        members = groups[gid_]["members"]
        return any(m["id"] == uid for m in members if m["@odata.type"] == "#microsoft.graph.user") or any(
            in_group(uid, m["id"]) for m in members if m["@odata.type"] == "#microsoft.graph.group")

    def restriction_for(uid):
        for e in sorted(prs, key=lambda e: e["priority"] or 10**9):
            for a in e["assignments"]:
                t = a["target"]
                if t["@odata.type"] == "#microsoft.graph.allLicensedUsersAssignmentTarget" or (
                        "groupId" in t and in_group(uid, t["groupId"])):
                    return e
        return None

    rkey = {"iOS": "iosRestriction", "iPadOS": "iosRestriction", "Android": "androidRestriction",
            "Windows": "windowsRestriction", "macOS": "macOSRestriction"}

    def blocked(e):
        rule = restriction_for(e["userId"])[rkey[e["operatingSystem"]]]
        return rule["platformBlocked"]

    def regs_of(local):
        return [r for r in regs if r["userId"] == users[local]["id"]]

    def evs_of(local):
        return [e for e in evs if e["userId"] == users[local]["id"]]

    # An app not checked in: Ngozi's Outlook on her iPad has not received the iOS policy deployed to her.
    check(any(not_checked_in(r) and r["deviceName"] == "Ngozi’s iPad" for r in regs_of("ngozi.adeyemi")),
          "findings: Ngozi has an app not checked in")
    # A flagged device: Paweł's Android phone is rooted (Outlook and Teams report it).
    check(len([r for r in regs_of("pawel.kowalczyk") if r["flaggedReasons"] == ["rootedDevice"]]) == 2,
          "findings: Paweł's rooted phone is reported by two apps")
    # A failed enrollment without a later success: Élodie's iPhone timed out and no iOS device enrolled since.
    check(any(unresolved(e) and e["failureReason"] == "iOS/iPadOS Timeout or Failure" for e in evs_of("elodie.dubois")),
          "findings: Élodie has a failed enrollment without a later success")
    # A restriction that blocks the user's platform: Wout's Mac, blocked by "Warehouse - Block macOS".
    wout = [e for e in evs_of("wout.claes") if unresolved(e) and blocked(e)]
    check(len(wout) == 1 and restriction_for(users["wout.claes"]["id"])["displayName"] == "Warehouse - Block macOS",
          "findings: Wout's macOS enrollment is blocked by the warehouse restriction")
    # Chloé's failure was followed by an enrollment of the same iPhone: no finding.
    check(not any(unresolved(e) for e in evs_of("chloe.peeters")), "findings: Chloé's failure is resolved")
    # Emma gets none of these.
    check(not any(not_checked_in(r) or flagged(r) for r in regs_of("emma.laurent")) and not evs_of("emma.laurent"),
          "findings: Emma has no app protection or enrollment finding")


def check_rbac(tenant: str, files: dict):
    users = {u["id"]: u for u in files["users.json"]["value"]}
    groups = {g["id"] for g in files["groups.json"]["value"]}
    definitions = {d["id"] for d in files["roleDefinitions.json"]["value"]}
    assignments = files["roleAssignments.json"]["value"]
    operators = files["operators.json"]["value"]
    check(operators, f"{tenant}: at least one operator")
    action_re = re.compile(r"Microsoft\.Intune_(\*|[A-Za-z]+_(\*|[A-Za-z]+))")
    for d in files["roleDefinitions.json"]["value"]:
        for rp in d["rolePermissions"]:
            for ra in rp["resourceActions"]:
                for a in ra["allowedResourceActions"] + ra["notAllowedResourceActions"]:
                    check(action_re.fullmatch(a), f"{tenant}: role {d['displayName']}: bad resource action {a!r}")
    admin_groups = set()
    for op in operators:
        u = users.get(op["id"])
        check(u is not None and u["userPrincipalName"] == op["userPrincipalName"]
              and u["displayName"] == op["displayName"], f"{tenant}: operator {op['userPrincipalName']} not a user")
        for g in op["memberOf"]:
            # in groups.json it would change the operator's group list, which existing stories show
            check(g["id"] not in groups, f"{tenant}: admin group {g['displayName']} must stay out of groups.json")
            admin_groups.add(g["id"])
        check(any(set(a["members"]) & {g["id"] for g in op["memberOf"]} for a in assignments),
              f"{tenant}: operator {op['displayName']} has no role assignment")
    for a in assignments:
        name = a["displayName"]
        check(a["roleDefinitionId"] in definitions and a["roleDefinition"]["id"] == a["roleDefinitionId"],
              f"{tenant}: assignment {name}: unknown role")
        check(a["members"] and set(a["members"]) <= admin_groups, f"{tenant}: assignment {name}: members")
        check(a["scopeType"] in SCOPE_TYPES, f"{tenant}: assignment {name}: scopeType")
        check(all(g in groups for g in a["resourceScopes"]), f"{tenant}: assignment {name}: unknown scope group")
        check((a["scopeType"] == "resourceScope") == bool(a["resourceScopes"]),
              f"{tenant}: assignment {name}: scope groups exactly when scoped to groups")


def check_northwind(files: dict):
    check(files["deviceManagement.json"]["subscriptionState"] == "disabled", "northwind: disabled")
    check(files["organization.json"]["value"][0]["mobileDeviceManagementAuthority"] == "office365",
          "northwind: MDM authority is not Intune (devstate finding)")
    users = files["users.json"]["value"]
    check(len(users) == 3 and sum(1 for u in users if has_intune(u)) == 1, "northwind: 3 users, one licensed")
    check(len(files["managedDevices.json"]["value"]) == 2, "northwind: 2 devices")
    check(len(files["groups.json"]["value"]) == 1, "northwind: 1 group")
    for name in ("mobileApps.json", "deviceCompliancePolicies.json", "deviceConfigurations.json",
                 "managedAppPolicies.json", "managedAppRegistrations.json", "deviceEnrollmentConfigurations.json",
                 "troubleshootingEvents.json"):
        check(files[name] == {"value": []}, f"northwind: {name} must be empty")



def storage(device_id: str, os_: str) -> dict:
    """Total and free storage in bytes, from the device id (not the shared rng, so no other value moves)."""
    h = int(hashlib.sha256(device_id.encode()).hexdigest(), 16)
    sizes = {"Windows": (255_060_000_000, 511_500_000_000), "macOS": (245_110_000_000, 494_380_000_000),
             "iOS": (127_870_000_000, 255_870_000_000), "iPadOS": (127_870_000_000, 255_870_000_000)}
    total = sizes.get(os_, (128_000_000_000, 256_000_000_000))[h % 2]
    return {"totalStorageSpaceInBytes": total, "freeStorageSpaceInBytes": total * (15 + (h >> 8) % 56) // 100}

def main():
    rendered, aurora, northwind, model = render()
    again, *_ = render()
    check(rendered == again, "generator is not deterministic")
    check_generic("aurora", aurora)
    check_generic("northwind-lab", northwind)
    check_aurora(aurora, model)
    check_protection_enrollment_findings(aurora)
    check_targeting(aurora)
    check_spread(aurora)
    check_northwind(northwind)
    check_devstate(aurora)
    check_rbac("aurora", aurora)
    check_rbac("northwind-lab", northwind)
    aurora_bytes = sum(len(v) for k, v in rendered.items() if k.startswith("aurora/"))
    check(aurora_bytes <= MAX_AURORA_BYTES, f"aurora fixtures too large: {aurora_bytes} bytes")

    for rel, data in rendered.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    # re-read what was written and re-check it
    for tenant, files in (("aurora", aurora), ("northwind-lab", northwind)):
        for name in FILES:
            check(json.loads((OUT / tenant / name).read_text("utf-8")) == json.loads(json.dumps(files[name])),
                  f"{tenant}/{name}: written file differs")

    print(f"fixtures written to {OUT.relative_to(ROOT)}/ (anchor {ANCHOR_S}); all checks passed")
    print(f"{'file':40} {'aurora':>8} {'northwind-lab':>14} {'aurora bytes':>13}")
    for name in FILES:
        def count(files):
            v = files[name]
            return len(v["value"]) if "value" in v else 1
        print(f"{name:40} {count(aurora):>8} {count(northwind):>14} {len(rendered['aurora/' + name]):>13}")
    aurora_devices = aurora["managedDevices.json"]["value"]
    extra = {
        "app deviceStatuses": sum(len(a["deviceStatuses"]) for a in aurora["mobileApps.json"]["value"]),
        "compliance states": sum(len(d["deviceCompliancePolicyStates"]) for d in aurora_devices),
        "configuration states": sum(len(d["deviceConfigurationStates"]) for d in aurora_devices),
        "group members": sum(len(g["members"]) for g in aurora["groups.json"]["value"]),
    }
    for k, v in extra.items():
        print(f"  aurora {k}: {v}")
    print(f"aurora total: {aurora_bytes} bytes")


if __name__ == "__main__":
    try:
        main()
    except CheckError as e:
        print(f"FIXTURE CHECK FAILED: {e}", file=sys.stderr)
        sys.exit(1)
