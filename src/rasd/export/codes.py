"""Fixed tables the export layouts need: GDELT 2.0 columns, CAMEO organisation codes, ISO 3166 → FIPS 10-4.

These are published standards, not lexicons a linguist edits, so they live here as data with their
sources named; docs/exports.md explains every mapping decision that uses them.
"""

from __future__ import annotations

# The GDELT 2.0 event table, in file order (61 columns). Source: "The GDELT Event Database Data Format
# Codebook V2.0" (2/19/2015), with the spellings of GDELT's published header files and BigQuery schema
# (the codebook's prose writes "Fullname", the header "FullName"; SQL names are case-insensitive).
# Each name has the DuckDB type that reads the column back without loss: the event codes are text
# ("044" keeps its zero), dates and counts are integers, coordinates and scores are doubles.
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "BIGINT"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *(
        (f"Actor{n}{field}", "VARCHAR")
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "VARCHAR"),
    ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *(
        (f"{geo}_{field}", kind)
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field, kind in (
            ("Type", "INTEGER"),
            ("FullName", "VARCHAR"),
            ("CountryCode", "VARCHAR"),
            ("ADM1Code", "VARCHAR"),
            ("ADM2Code", "VARCHAR"),
            ("Lat", "DOUBLE"),
            ("Long", "DOUBLE"),
            ("FeatureID", "VARCHAR"),
        )
    ),
    ("DATEADDED", "BIGINT"),
    ("SOURCEURL", "VARCHAR"),
)
GDELT_NAMES: tuple[str, ...] = tuple(name for name, _ in GDELT_COLUMNS)

# GDELT geography resolution (codebook, "Actor1Geo_Type"): 0 = none, 1 = country, 2 = US state,
# 3 = US city, 4 = world city, 5 = world state (first-order division).
GEO_NONE, GEO_COUNTRY, GEO_WORLD_CITY, GEO_WORLD_STATE = 0, 1, 4, 5

# rasd organisation codes (annotation-guide §5, lexicons/organisations.tsv) → CAMEO actor codes, from
# Table 3.4 "International/Transnational Actors with Special Codes" of the CAMEO Event and Actor
# Codebook 1.1b3 (Schrodt, 2012). Organisations without a row there keep their rasd code (see
# docs/exports.md). The table prints NATO and the Non-Aligned Movement as "IGNONAT"/"IGNONON"; we read
# them as IGO + NAT and IGO + NON, the generic prefix and known-group codes every other row uses.
CAMEO_ORGS: dict[str, str] = {
    "UN": "IGOUNO",
    "UNSC": "IGOUNO",  # a UN organ; CAMEO has no code of its own for the Security Council
    "EU": "IGOEEC",
    "ASEAN": "IGOASN",
    "ARL": "IGOARL",
    "GCC": "IGOGCC",
    "OIC": "IGOOIC",
    "NATO": "IGONAT",
    "CIS": "IGOCIS",
    "IAEA": "IGOUNOIAE",
    "WHO": "IGOUNOWHO",
    "IMF": "IGOIMF",
    "WB": "IGOUNOWBK",
    "OPEC": "IGOOPC",
    "ADB": "IGOADB",
    "ICC": "IGOICC",
    "ICJ": "IGOUNOICJ",
    "WTO": "IGOWTO",
    "ICRC": "NGOIRC",  # "Red Cross"
    "IFRC": "NGOCRC",  # "International Fed. of Red Cross and Red Crescent"
    "OAPEC": "IGOAPE",
    "ISDB": "IGOIDB",
    "AFDB": "IGOAFB",
    "AMF": "IGOAMF",
    "EBRD": "IGOEBR",
    "AMU": "IGOAMU",
    "ECOWAS": "IGOWAS",
    "IGAD": "IGOIAD",
    "SADC": "IGOSAD",
    "OAS": "IGOOAS",
    "OSCE": "IGOSCE",
    "COE": "IGOCOE",
    "NAM": "IGONON",
    "WEF": "NGOWEF",
    "IPU": "IGOIPU",
    "ICPO": "IGOITP",  # Interpol
}

# ISO 3166-1 alpha-3 → FIPS 10-4 country codes, which GDELT uses in every *Geo_CountryCode field (FIPS
# and ISO alpha-2 disagree for many states: CH is China in FIPS and Switzerland in ISO). Covers every
# state of lexicons/countries.tsv plus a few territories rasd places can fall in. Palestine (PSE) has no
# FIPS code: FIPS splits it into West Bank (WE) and Gaza Strip (GZ), which a country code cannot choose.
# fmt: off
ISO3_FIPS: dict[str, str] = {
    "AFG": "AF", "AGO": "AO", "ALB": "AL", "AND": "AN", "ARE": "AE", "ARG": "AR", "ARM": "AM", "ATG": "AC",
    "AUS": "AS", "AUT": "AU", "AZE": "AJ", "BDI": "BY", "BEL": "BE", "BEN": "BN", "BFA": "UV", "BGD": "BG",
    "BGR": "BU", "BHR": "BA", "BHS": "BF", "BIH": "BK", "BLR": "BO", "BLZ": "BH", "BOL": "BL", "BRA": "BR",
    "BRB": "BB", "BRN": "BX", "BTN": "BT", "BWA": "BC", "CAF": "CT", "CAN": "CA", "CHE": "SZ", "CHL": "CI",
    "CHN": "CH", "CIV": "IV", "CMR": "CM", "COD": "CG", "COG": "CF", "COL": "CO", "COM": "CN", "CPV": "CV",
    "CRI": "CS", "CUB": "CU", "CYP": "CY", "CZE": "EZ", "DEU": "GM", "DJI": "DJ", "DMA": "DO", "DNK": "DA",
    "DOM": "DR", "DZA": "AG", "ECU": "EC", "EGY": "EG", "ERI": "ER", "ESP": "SP", "EST": "EN", "ETH": "ET",
    "FIN": "FI", "FJI": "FJ", "FRA": "FR", "FSM": "FM", "GAB": "GB", "GBR": "UK", "GEO": "GG", "GHA": "GH",
    "GIN": "GV", "GMB": "GA", "GNB": "PU", "GNQ": "EK", "GRC": "GR", "GRD": "GJ", "GTM": "GT", "GUY": "GY",
    "HND": "HO", "HRV": "HR", "HTI": "HA", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "EI", "IRN": "IR",
    "IRQ": "IZ", "ISL": "IC", "ISR": "IS", "ITA": "IT", "JAM": "JM", "JOR": "JO", "JPN": "JA", "KAZ": "KZ",
    "KEN": "KE", "KGZ": "KG", "KHM": "CB", "KIR": "KR", "KNA": "SC", "KOR": "KS", "KWT": "KU", "LAO": "LA",
    "LBN": "LE", "LBR": "LI", "LBY": "LY", "LCA": "ST", "LIE": "LS", "LKA": "CE", "LSO": "LT", "LTU": "LH",
    "LUX": "LU", "LVA": "LG", "MAR": "MO", "MCO": "MN", "MDA": "MD", "MDG": "MA", "MDV": "MV", "MEX": "MX",
    "MHL": "RM", "MKD": "MK", "MLI": "ML", "MLT": "MT", "MMR": "BM", "MNE": "MJ", "MNG": "MG", "MOZ": "MZ",
    "MRT": "MR", "MUS": "MP", "MWI": "MI", "MYS": "MY", "NAM": "WA", "NER": "NG", "NGA": "NI", "NIC": "NU",
    "NLD": "NL", "NOR": "NO", "NPL": "NP", "NRU": "NR", "NZL": "NZ", "OMN": "MU", "PAK": "PK", "PAN": "PM",
    "PER": "PE", "PHL": "RP", "PLW": "PS", "PNG": "PP", "POL": "PL", "PRK": "KN", "PRT": "PO", "PRY": "PA",
    "QAT": "QA", "ROU": "RO", "RUS": "RS", "RWA": "RW", "SAU": "SA", "SDN": "SU", "SEN": "SG", "SGP": "SN",
    "SLB": "BP", "SLE": "SL", "SLV": "ES", "SMR": "SM", "SOM": "SO", "SRB": "RI", "SSD": "OD", "STP": "TP",
    "SUR": "NS", "SVK": "LO", "SVN": "SI", "SWE": "SW", "SWZ": "WZ", "SYC": "SE", "SYR": "SY", "TCD": "CD",
    "TGO": "TO", "THA": "TH", "TJK": "TI", "TKM": "TX", "TLS": "TT", "TON": "TN", "TTO": "TD", "TUN": "TS",
    "TUR": "TU", "TUV": "TV", "TWN": "TW", "TZA": "TZ", "UGA": "UG", "UKR": "UP", "URY": "UY", "USA": "US",
    "UZB": "UZ", "VAT": "VT", "VCT": "VC", "VEN": "VE", "VNM": "VM", "VUT": "NH", "WSM": "WS", "XKX": "KV",
    "YEM": "YM", "ZAF": "SF", "ZMB": "ZA", "ZWE": "ZI", "HKG": "HK", "MAC": "MC", "ESH": "WI", "PRI": "RQ",
    "GRL": "GL",
}
# fmt: on
