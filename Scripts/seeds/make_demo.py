#!/usr/bin/env python3
"""Generate the maillage demo seed for the Ardèche (département 07).

Usage (from the project root):  python3 Scripts/seeds/make_demo.py [path/to/communes-france.csv]
Default input: ../shared/data/communes-france.csv relative to the project root.
Output: Seeds/demo/{communes,lieux,intermediaires,orientations}.csv

Commune rows are real (copied from the input); every place, intermediary and referral is invented.
Standard library only; a fixed random seed makes the output byte-for-byte reproducible.
"""
import csv, datetime, io, math, os, random, re, sys, unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "communes-france.csv")
OUT = os.path.join(ROOT, "Seeds", "demo")
DEP = "07"
rng = random.Random(20250701)  # fixed seed: deterministic output

# ---------------------------------------------------------------- vocabularies (domain.md)
V1 = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
      "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
      "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
      "Compréhension du monde numérique", "Accès internet et matériel informatique",
      "Acquisition de matériel informatique à prix solidaire"]
V01 = ["Réaliser des démarches administratives avec un accompagnement", "Devenir autonome dans les démarches administratives",
       "Accompagner les démarches de santé", "Prendre en main un smartphone ou une tablette",
       "Prendre en main un ordinateur", "Utiliser le numérique au quotidien", "Approfondir ma culture numérique",
       "Promouvoir la citoyenneté numérique", "Favoriser mon insertion professionnelle", "Accéder à une connexion internet",
       "Accéder à du matériel", "S'équiper en matériel informatique", "Créer et développer mon entreprise",
       "Créer avec le numérique", "Soutenir la parentalité et l'éducation avec le numérique"]
DEM = ["CAF", "CPAM / MSA", "Assurance retraite", "France Travail", "DGFiP", "ANTS", "Justice", "La Poste"]
ALL_SVC = V1 + V01 + DEM
PUBLICS = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"]
PEC = ["Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme", "Langues étrangères (anglais)",
       "Langues étrangères (autres)", "Déficience visuelle"]
FRAIS = ["Gratuit", "Gratuit sous condition", "Payant"]
DISPO = ["Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX",
         "Conseillers numériques", "Emmaüs Connect", "France Services", "Grande école du numérique",
         "La Croix Rouge", "Point d'accès numérique CAF", "Promeneurs du net",
         "Relais numérique (Emmaüs Connect)"]
ACCES = ["Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
         "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription"]
ACCOMP = ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"]
FORMATIONS = ["Formé à « Mon Espace Santé »", "Fabriques de Territoire"]  # from the v1 schema enumeration
TYPOS = ["BIB", "CS", "MUNI", "CCAS", "ASSO", "TIERS_LIEUX", "FS", "MJC", "ML", "EPN"]
TYPES = ["aidant-familial", "centre-social", "conseiller-numerique", "ecrivain-public", "medico-social",
         "agent-accueil", "operateur-social", "education-populaire", "service-civique", "france-services",
         "bibliothecaire", "service-a-la-personne", "controle-inspection"]
LIEU_HEADER = ("id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,"
               "typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,"
               "itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses,"
               "prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,"
               "autres_formations_labels,modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv").split(",")
INT_HEADER = "id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance".split(",")
ORI_HEADER = "source_id,target_id,service,weight".split(",")

# Referral clusters ("bassins de vie"): EPCI SIREN -> cluster. Val d'Ay, Val Eyrieux and Les Vans
# are valleys held to the rest by one single referral link.
CLUSTER = {"200072015": "annonay", "200040491": "annonay", "240700716": "valday",
           "200073096": "tournon", "200041366": "tournon", "200016905": "tournon",
           "200071413": "privas", "200041465": "eyrieux",
           "200073245": "aubenas", "240700617": "aubenas", "200039824": "aubenas", "240700815": "aubenas",
           "200039808": "aubenas", "200072007": "aubenas",
           "200071405": "teil", "240700864": "teil",
           "200039832": "vans", "240700302": "vans", "200035129": "vans"}

# ---------------------------------------------------------------- the places
# "Commune CP: place / place …" (indented lines continue; " ; " separates communes). A place is kind|flag|…
# Kinds: FS BIB CS CCAS MUNI EPN TL MJC ML, EP (écrivains publics), SOL (entraide association),
# EMC (Emmaüs-Connect-like relay), BUS (itinerant). Flags: cn = hosts conseillers numériques,
# ac = Aidants Connect, hub = referral broker, par = parentalité, dist = remote help, iso = no referral,
# noinsee = code_insee left empty, bnr, nl = detail with a newline; name= pec= pub= typ= fl= parent=.
PLACES = """
Annonay 07100: FS|cn|ac|hub / BIB|cn|name=Médiathèque intercommunale d'Annonay|pec=Handicaps moteurs
    / CS|cn|par|hub|name=Centre social L'Escale — Annonay|pec=Langues étrangères (autres)
    / CS|name=Centre social du Champ-de-Mars — Annonay|pub=Familles et/ou enfants / CCAS|ac
    / ML|cn|name=Mission locale des Deux Vallées — Annonay / MJC|pub=Jeunes
    / EPN|name=Espace numérique de la Croisette — Annonay / EMC
    / EP|name=Plume solidaire, écrivains publics — Annonay|pec=Illettrisme
Davézieux 07430: MUNI ; Boulieu-lès-Annonay 07100: BIB ; Roiffieux 07100: BIB|iso ; Peaugres 07340: BIB|noinsee
Serrières 07340: BIB ; Andance 07340: BIB
Sarras 07370: FS|name=Maison France Services Porte de DrômArdèche — Sarras
Satillieu 07290: FS|ac|hub|name=Maison France Services du Val d'Ay — Satillieu
Saint-Alban-d'Ay 07790: BIB
Tournon-sur-Rhône 07300: FS|cn|ac|hub / BIB|name=Médiathèque Arche Agglo — Tournon-sur-Rhône
    / CS|cn|par|hub|name=Centre social Les Passerelles — Tournon-sur-Rhône / CCAS
    / ML|name=Mission locale Rhône-Doux — Tournon-sur-Rhône|pub=Jeunes
    / MJC|pub=Jeunes|pec=Langues étrangères (anglais) / EPN|dist
Mauves 07300: BIB|iso
Saint-Félicien 07410: FS|name=Relais France Services du Haut-Doux — Saint-Félicien
Guilherand-Granges 07500: BIB|cn / CS|cn|hub|name=Centre social Le Cep — Guilherand-Granges|pec=Surdité
    / CCAS|ac / EPN|pub=Seniors / EP
Saint-Péray 07130: BIB / CS|name=Centre social La Maison pour tous — Saint-Péray / FS|ac
Cornas 07130: BIB|noinsee ; Charmes-sur-Rhône 07800: BIB
Alboussière 07440: TL|name=Tiers-lieu La Fabrique du Plateau — Alboussière
Lamastre 07270: FS|ac|hub / BIB / TL|name=Tiers-lieu L'Atelier du Doux — Lamastre
Privas 07000: FS|cn|ac|dist|hub|nl|pec=Surdité|fl=Formé à « Mon Espace Santé »
    / BIB|cn|bnr|name=Médiathèque intercommunale de Privas|pec=Déficience visuelle
    / CS|cn|par|hub|name=Centre social Les Terrasses — Privas|pub=Familles et/ou enfants
    / CS|name=Centre social La Source — Privas / CCAS|ac
    / ML|cn|name=Mission locale Centre-Ardèche — Privas|pub=Jeunes / EPN|pub=Seniors / EP|pec=Illettrisme
    / SOL|name=Entraide populaire du Centre-Ardèche — Privas / EMC
    / BUS|typ=FS|name=Bus France Services du Centre-Ardèche|parent=Maison France Services de Privas
La Voulte-sur-Rhône 07800: FS|cn|hub / BIB / CS|name=Centre social Le Fil — La Voulte-sur-Rhône
Saint-Sauveur-de-Montagut 07190: FS|name=Maison France Services Eyrieux-Glueyre — Saint-Sauveur-de-Montagut
Les Ollières-sur-Eyrieux 07360: TL|noinsee|name=Tiers-lieu La Filature numérique — Les Ollières-sur-Eyrieux
Vernoux-en-Vivarais 07240: FS|ac / BIB ; Le Pouzin 07250: MUNI ; Chomérac 07210: BIB
Le Cheylard 07160: FS|cn|ac|hub / BIB / BUS|typ=EPN|name=Bus numérique du Val Eyrieux
Saint-Agrève 07320: FS / BIB|name=Médiathèque du Haut-Vivarais — Saint-Agrève|pub=Seniors
Aubenas 07200: FS|cn|ac|dist|hub / BIB|cn|name=Médiathèque intercommunale d'Aubenas|pec=Surdité
    / CS|cn|par|hub|name=Centre social Les Quatre Vents — Aubenas|pec=Langues étrangères (autres)
      |fl=Formé à « Mon Espace Santé »
    / CS|name=Centre social La Ribambelle — Aubenas|pub=Familles et/ou enfants / CCAS|ac
    / ML|cn|name=Mission locale des Vallées du Sud — Aubenas|pub=Jeunes / EPN|dist / MJC|par|pub=Jeunes
    / TL|name=Tiers-lieu Le Quai numérique — Aubenas|fl=Fabriques de Territoire / EMC
    / EP|pec=Langues étrangères (autres)|pec2=Illettrisme
    / SOL|name=Entraide au féminin Sud-Ardèche — Aubenas|pub=Femmes
Vals-les-Bains 07600: BIB ; Saint-Étienne-de-Fontbellon 07200: BIB ; Lavilledieu 07170: BIB|noinsee
Largentière 07110: FS|ac / BIB ; Villeneuve-de-Berg 07170: FS / BIB ; Ruoms 07120: BIB
Lalevade-d'Ardèche 07380: FS|name=Maison France Services des Sources et Volcans — Lalevade-d'Ardèche
Lussas 07170: TL|name=Tiers-lieu Les Écrans du Coiron — Lussas
Vallon-Pont-d'Arc 07150: FS|ac / BUS|typ=EPN|name=Caravane numérique des Gorges de l'Ardèche
Le Teil 07400: FS|cn|ac|hub / BIB
    / CS|cn|hub|name=Centre social L'Oustal — Le Teil|pec=Langues étrangères (autres) / CCAS
Cruas 07350: BIB|iso ; Rochemaure 07400: MUNI
Viviers 07220: BIB / CS|name=Centre social Le Fil d'Ariane — Viviers
Bourg-Saint-Andéol 07700: FS|cn|ac|hub / BIB
    / CS|name=Centre social Les Oliviers — Bourg-Saint-Andéol|pub=Familles et/ou enfants
    / ML|name=Mission locale des Vallées du Sud — Bourg-Saint-Andéol
      |parent=Mission locale des Vallées du Sud — Aubenas / EP
Saint-Marcel-d'Ardèche 07700: BIB ; Saint-Just-d'Ardèche 07700: MUNI|noinsee
Les Vans 07140: FS|ac|hub / BIB / CS|name=Centre social Les Mûriers — Les Vans
Joyeuse 07260: FS|cn / BIB ; Rosières 07260: BIB|iso ; Saint-Paul-le-Jeune 07460: MUNI|noinsee
"""

KIND = {  # kind -> (typologie, {V1 index: probability}, horaires pool, ACCOMP indexes)
    "FS": ("FS", {0: 1, 1: .6, 7: .7, 3: .2}, 0, [1]), "BIB": ("BIB", {7: 1, 5: .7, 1: .5, 6: .3}, 1, [0, 2]),
    "CS": ("CS", {0: 1, 1: .7, 2: .3}, 0, [1, 2]), "CCAS": ("CCAS", {0: 1, 7: .5}, 2, [1]),
    "MUNI": ("MUNI", {7: 1, 0: .8}, 2, [0, 1]), "EPN": ("EPN", {1: 1, 7: 1, 3: .7, 5: .5, 6: .5, 2: .3}, 3, [0, 1, 2]),
    "TL": ("TIERS_LIEUX", {5: 1, 7: .8, 2: .5, 6: .5}, 3, [0, 2]), "MJC": ("MJC", {5: 1, 3: .6, 6: .4}, 3, [2]),
    "ML": ("ML", {2: 1, 0: .8, 1: .4}, 0, [1, 2]), "EP": ("ASSO", {0: 1}, 4, [1]),
    "SOL": ("ASSO", {0: 1, 7: .5}, 4, [1]), "EMC": ("ASSO", {8: 1, 7: 1, 1: .7}, 4, [1, 2]),
    "BUS": ("EPN", {1: 1, 0: .8, 7: .6}, 5, [1, 2]),
}
HORAIRES = [
    ["Mo-Fr 09:00-12:00,13:30-17:00", "Mo-Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00",
     "Mo,We,Fr 09:00-12:00,14:00-17:00", "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00"],
    ["Tu 14:00-18:00; We 10:00-12:00,14:00-18:00; Fr 15:00-18:00; Sa 10:00-12:30",
     "We,Sa 09:30-12:00; Fr 16:00-18:30", "Tu-Sa 10:00-12:30,14:00-18:00", "We 14:00-18:00; Sa 09:00-12:00"],
    ["Mo-Fr 08:30-12:30; PH off", "Mo-Fr 08:30-12:00,13:30-17:00; PH off", "Mo,Tu,Th,Fr 09:00-12:00"],
    ["Tu-Fr 14:00-18:00; Sa 10:00-12:00", "Mo-Fr 09:00-12:30,13:30-18:00", "We 14:00-19:00; Sa 10:00-17:00"],
    ["Tu,Th 14:00-18:00", "Mo 14:00-17:00; Th 09:00-12:00", "We 09:00-12:00"],
    ["We 09:00-12:00; Th 14:00-17:00", "Tu,Fr 09:30-16:30"],
]
RESUME = {  # {t} = town, {d} = "de"/"d'"/"du" + town
    "FS": "Guichet unique de proximité : accompagnement aux démarches CAF, impôts, retraite, santé, emploi et papiers d'identité à {t}.",
    "BIB": "Médiathèque ouverte à tous à {t} : postes informatiques en accès libre, wifi, ateliers numériques et jeux vidéo.",
    "CS": "Centre social {d} : accueil, démarches en ligne accompagnées, ateliers numériques pour les familles et les seniors.",
    "CCAS": "Le CCAS {d} accompagne les habitants dans leurs démarches sociales en ligne et oriente vers les partenaires.",
    "MUNI": "Point numérique de la mairie {d} : un ordinateur en accès libre et une aide ponctuelle pour les démarches.",
    "EPN": "Espace public numérique à {t} : initiation à l'ordinateur, au smartphone et à internet, en individuel ou en atelier.",
    "TL": "Tiers-lieu associatif à {t} : atelier de fabrication numérique, coworking, permanences d'aide au numérique.",
    "MJC": "Maison des jeunes et de la culture {d} : ateliers créatifs numériques, prévention des usages, accueil des jeunes.",
    "ML": "Mission locale à {t} : accompagnement des 16-25 ans vers l'emploi, CV en ligne, inscription France Travail.",
    "EP": "Écrivains publics bénévoles à {t} : aide à la rédaction de courriers et aux démarches administratives, sur rendez-vous.",
    "SOL": "Association d'entraide à {t} : accueil, aide aux démarches et accès à un ordinateur pour les personnes en difficulté.",
    "EMC": "Relais numérique solidaire à {t} : ordinateurs et smartphones reconditionnés à prix solidaire, recharges, ateliers.",
    "BUS": "Service itinérant basé à {t} : un véhicule équipé passe chaque semaine dans les villages pour aider au numérique.",
}
DETAILS = ['Ateliers "Premiers pas sur smartphone" le mardi matin, sur inscription.',
           "Accueil sans rendez-vous le matin, sur rendez-vous l'après-midi.",
           'Les permanences "Mon espace santé" ont lieu un jeudi sur deux, salle du rez-de-chaussée.',
           "Matériel en libre accès : 4 ordinateurs, une imprimante, un scanner.",
           "Accès PMR, boucle magnétique à l'accueil, prêt de tablettes à domicile."]
STREETS = ["place de l'Hôtel de Ville", "rue de la République", "avenue de la Gare", "rue des Écoles",
           "place du Champ de Mars", "boulevard de la Liberté", "rue du Temple", "chemin des Mûriers",
           "avenue du 8 Mai 1945", "place de la Poste", "grande Rue", "rue des Tanneurs", "montée du Château",
           "rue de la Paix", "allée des Platanes", "rue du Vivarais"]
COMPLEMENTS = ["Rez-de-chaussée", "1er étage", "Bâtiment B", "Entrée par la cour", "Maison des services"]
AUTRES_FORMATIONS = {"Privas|EPN": "Référent numérique du réseau départemental",
                     "Le Teil|FS": "Formation interne aux démarches ANTS"}

def de(town):
    """French 'de' + town: d'Annonay, du Teil, des Vans, de Privas."""
    for art, contracted in (("Le ", "du "), ("Les ", "des ")):
        if town.startswith(art):
            return contracted + town[len(art):]
    return ("d'" if town[0] in "AEIOUÉH" else "de ") + town

lower1 = lambda s: s[0].lower() + s[1:]  # "Médiathèque X" -> "médiathèque X"

def slug(text, n=40):
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:n].rstrip("-")

def ordered(values, labels):
    """|-joined labels, in the vocabulary's order."""
    return "|".join(l for l in labels if l in set(values))

def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))

def write_csv(name, header, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows([header] + rows)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

# ---------------------------------------------------------------- 1. communes (lines copied verbatim)
with open(SRC, encoding="utf-8", newline="") as f:
    src_lines = [l.rstrip("\r") for l in f.read().split("\n")]  # the source uses CRLF, the seed \n
header_line, dep_lines, communes = src_lines[0], [], {}
for line in src_lines[1:]:
    row = next(csv.reader([line])) if line else []
    if row and row[2] == DEP:
        dep_lines.append(line)
        communes[row[0]] = dict(zip(header_line.split(","), row))
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "communes.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("\n".join([header_line] + dep_lines) + "\n")
by_name = {c["nom"]: c for c in communes.values()}
epcis = {c["siren_epci"]: c["nom_epci"] for c in communes.values()}
epci_seat = {}  # most populous commune of each EPCI
for c in sorted(communes.values(), key=lambda c: -int(c["population_municipale"])):
    epci_seat.setdefault(c["siren_epci"], c)

# ---------------------------------------------------------------- 2. places
places, cp = [], {}
for entry in re.sub(r"\n\s+", " ", PLACES.strip()).replace(" ; ", "\n").split("\n"):
    head, rest = entry.split(": ", 1)
    town, cp[town] = head.rsplit(" ", 1)
    for spec in rest.split(" / "):
        kind, *flags = [x.strip() for x in spec.split("|")]
        p = {"id": f"ardeche-lieu-{len(places) + 1:03d}", "town": town, "kind": kind,
             "flags": {x for x in flags if "=" not in x}, "opt": dict(x.split("=", 1) for x in flags if "=" in x)}
        if kind in ("EPN", "BUS"):
            p["flags"].add("cn")  # EPN and buses are run by conseillers numériques
        c = by_name[town]
        p["insee"], p["epci"], p["cluster"] = c["code_insee"], c["siren_epci"], CLUSTER[c["siren_epci"]]
        default = {"FS": "Maison France Services {d}", "BIB": "Médiathèque municipale {d}", "CCAS": "CCAS {d}",
                   "MUNI": "Mairie {d} — point numérique", "EPN": "Espace public numérique {d}", "MJC": "MJC {d}",
                   "EP": "Écrivains publics solidaires — {t}", "EMC": "Relais numérique solidaire — {t}"}
        p["nom"] = p["opt"].get("name") or default[kind].format(d=de(town), t=town)
        p["lat"] = round(float(c["latitude"]) + rng.uniform(-0.006, 0.006), 5)  # jitter ≤ ~0.9 km
        p["lon"] = round(float(c["longitude"]) + rng.uniform(-0.008, 0.008), 5)
        p["typologie"] = p["opt"].get("typ", KIND[kind][0])
        svc = [V1[i] for i, pr in KIND[kind][1].items() if rng.random() < pr]
        p["services"] = ordered(svc + ([V1[4]] if "par" in p["flags"] else []), V1).split("|")
        places.append(p)
pid = {p["id"]: p for p in places}

def find(town, kind):
    return next(p for p in places if p["town"] == town and p["kind"] == kind)

def nearest_fs(p):
    """France Services of the same bassin in other towns, nearest first."""
    fs = [q for q in places if q["kind"] == "FS" and q["cluster"] == p["cluster"] and q["town"] != p["town"]]
    return sorted(fs, key=lambda q: haversine(p["lat"], p["lon"], q["lat"], q["lon"]))

# ---------------------------------------------------------------- 3. intermediaries
A, AC, DS = "Aide aux démarches administratives", "Réaliser des démarches administratives avec un accompagnement", \
    "Accompagner les démarches de santé"
M, SM, UQ = V1[1], "Prendre en main un smartphone ou une tablette", "Utiliser le numérique au quotidien"
TYPE_SVC = {  # type -> {label: probability}
    "france-services": {A: 1, "CAF": .95, "CPAM / MSA": .95, "Assurance retraite": .9, "France Travail": .9,
                        "DGFiP": .95, "ANTS": .9, "Justice": .6, "La Poste": .5, AC: .5},
    "conseiller-numerique": {M: 1, "Prendre en main un ordinateur": .6, SM: .7, V1[3]: .5, V1[6]: .3, DS: .15,
                             "Devenir autonome dans les démarches administratives": .5},
    "bibliothecaire": {V1[7]: 1, V1[5]: .7, "Accéder à une connexion internet": .5, "Créer avec le numérique": .3,
                       "Approfondir ma culture numérique": .3, UQ: .4},
    "centre-social": {A: 1, M: .6, "CAF": .7, UQ: .4},
    "operateur-social": {A: 1, "CAF": .7, "CPAM / MSA": .5, "France Travail": .4, AC: .5},
    "ecrivain-public": {A: 1, "Justice": .6, "DGFiP": .5, "CAF": .6, AC: .8, "La Poste": .3, "Assurance retraite": .3},
    "agent-accueil": {A: 1, "ANTS": .7, "Accéder à une connexion internet": .4, "CAF": .3},
    "education-populaire": {V1[5]: 1, "Créer avec le numérique": .6, "Promouvoir la citoyenneté numérique": .5,
                            V1[3]: .4, V1[6]: .5},
    "service-civique": {M: 1, SM: .8, UQ: .6},
    "medico-social": {DS: 1, "CPAM / MSA": .9, A: .6},
    "aidant-familial": {A: 1, "CAF": .5, "Assurance retraite": .6, "CPAM / MSA": .6, DS: .4},
    "service-a-la-personne": {UQ: 1, DS: .7, SM: .6},
    "controle-inspection": {"CPAM / MSA": 1, A: .3},
}
ACC_TYPE = {"france-services": [1], "conseiller-numerique": [1, 2], "bibliothecaire": [0, 2], "centre-social": [1, 2],
            "operateur-social": [1], "ecrivain-public": [1], "agent-accueil": [1], "education-populaire": [2],
            "service-civique": [1, 2], "medico-social": [1], "aidant-familial": [1], "service-a-la-personne": [1],
            "controle-inspection": [1]}
PAR01 = "Soutenir la parentalité et l'éducation avec le numérique"
ints = []

def add_int(typ, nom, at=(), extra=(), svc=None, zone="", hc=(1, 3), itin=None, acc=None):
    """Append one intermediary; services drawn from TYPE_SVC unless given."""
    labels = list(svc) if svc is not None else [l for l, pr in TYPE_SVC[typ].items() if rng.random() < pr]
    headcount = "" if rng.random() < 0.1 else str(rng.randint(*hc))
    if acc is None:
        acc = [ACCOMP[i] for i in ACC_TYPE[typ]] if rng.random() > 0.12 else []
        if typ in ("france-services", "conseiller-numerique") and rng.random() < 0.2:
            acc.append("À distance")
    if itin is None:
        itin = "Fixe" if rng.random() < 0.75 else ""
    ints.append({"id": f"ardeche-int-{len(ints) + 1:03d}", "nom": nom, "type": typ, "places": [q["id"] for q in at],
                 "headcount": headcount, "services": ordered(labels + list(extra), ALL_SVC), "zone": zone,
                 "acc": ordered(acc, ACCOMP), "itin": itin})

for p in places:  # the staff working at each place
    k, t, f, nom = p["kind"], p["town"], p["flags"], p["nom"]
    short, big = nom.split(" — ")[0], int(by_name[t]["population_municipale"]) > 5000
    par = [PAR01] if "par" in f else []
    if k == "FS":
        add_int("france-services", f"Conseillers France Services {de(t)}", [p], hc=(2, 4),
                zone=p["epci"] if rng.random() < 0.4 else "")
        if "cn" in f:
            add_int("conseiller-numerique", f"Conseiller numérique de la France Services {de(t)}", [p], hc=(1, 2))
        if "hub" in f:  # CAF/CPAM permanence shared with another France Services of the same bassin
            add_int("operateur-social", f"Permanence CAF et CPAM — France Services {de(t)}", [p] + nearest_fs(p)[:1],
                    svc=[A, "CAF", "CPAM / MSA"])
    elif k == "BIB":
        add_int("bibliothecaire", f"Bibliothécaires de la {lower1(short)}", [p], hc=(2, 6) if big else (1, 2))
        if "cn" in f:
            add_int("conseiller-numerique", f"Conseiller numérique de la médiathèque {de(t)}", [p], hc=(1, 2))
    elif k == "CS":
        add_int("centre-social", f"Équipe d'accueil du {lower1(short)}", [p], hc=(2, 5), extra=par)
        if "cn" in f:
            add_int("conseiller-numerique", f"Conseillers numériques du {lower1(short)} ({t})", [p])
        if rng.random() < 0.5:
            add_int("service-civique", f"Volontaires en service civique — {short}", [p], hc=(1, 3))
    elif k == "CCAS":
        add_int("operateur-social", f"Travailleurs sociaux du CCAS {de(t)}", [p])
        if "ac" in f:
            add_int("agent-accueil", f"Aidants Connect du CCAS {de(t)}", [p],
                    svc=[A, "CAF", "ANTS", "DGFiP"])
    elif k == "MUNI":
        add_int("agent-accueil", f"Agents d'accueil de la mairie {de(t)}", [p], hc=(1, 2))
    elif k == "EPN":
        add_int("conseiller-numerique", f"Conseillers numériques de l'espace public numérique {de(t)}", [p])
        if rng.random() < 0.5:
            add_int("service-civique", f"Volontaires numériques en service civique — {t}", [p], hc=(1, 2))
    elif k in ("TL", "MJC"):
        add_int("education-populaire", f"Animateurs numériques — {short} ({t})" if k == "TL"
                else f"Animateurs de la MJC {de(t)}", [p], hc=(1, 4), extra=par)
        if rng.random() < 0.4:
            add_int("service-civique", f"Volontaires en service civique — {short} ({t})", [p], hc=(1, 2))
    elif k == "ML":
        add_int("operateur-social", f"Conseillers en insertion — {short} ({t})", [p], hc=(2, 6),
                svc=["Insertion professionnelle via le numérique", "Favoriser mon insertion professionnelle",
                     "France Travail", "Aide aux démarches administratives"])
        if "cn" in f:
            add_int("conseiller-numerique", f"Conseiller numérique de la mission locale {de(t)}", [p], hc=(1, 1))
    elif k == "EP":  # écrivains publics also hold permanences in nearby France Services
        add_int("ecrivain-public", f"Écrivains publics bénévoles — {t}", [p] + nearest_fs(p)[:2], zone=p["epci"],
                hc=(1, 4))
    elif k == "SOL":
        add_int("operateur-social", f"Bénévoles de l'accueil — {short}", [p], hc=(2, 8))
    elif k == "EMC":
        add_int("operateur-social", f"Médiateurs du relais numérique solidaire — {t}", [p], hc=(1, 3),
                svc=["Acquisition de matériel informatique à prix solidaire", "S'équiper en matériel informatique",
                     "Accès internet et matériel informatique", "Accéder à du matériel"])
    elif k == "BUS":
        typ = "france-services" if p["typologie"] == "FS" else "conseiller-numerique"
        add_int(typ, f"Équipe du {lower1(nom)}", [p], zone=p["epci"], itin="Itinérant", hc=(1, 3))

# hosted permanences: PMI, control / inspection agents, a conseiller numérique shared by two places
add_int("medico-social", "Permanence PMI au centre social L'Escale — Annonay", [find("Annonay", "CS")])
add_int("medico-social", "Permanence PMI au centre social Les Quatre Vents — Aubenas", [find("Aubenas", "CS")])
add_int("controle-inspection", "Contrôleurs de la CAF — permanences en France Services (Centre-Ardèche)",
        [find("Privas", "FS"), find("La Voulte-sur-Rhône", "FS")], svc=["CAF", A])
add_int("controle-inspection", "Agents de contrôle de la CPAM — France Services d'Aubenas", [find("Aubenas", "FS")],
        svc=["CPAM / MSA"])
add_int("controle-inspection", "Accueil de proximité des finances publiques — Tournon-sur-Rhône",
        [find("Tournon-sur-Rhône", "FS")], svc=["DGFiP", A])
add_int("conseiller-numerique", "Conseiller numérique des Boutières — Le Cheylard et Saint-Agrève",
        [find("Le Cheylard", "FS"), find("Saint-Agrève", "FS")])

# no fixed place: the zone (communes, EPCI names or "07", "+"-joined) says where they help
E = {name: s for s, name in epcis.items()}
ROAMING = [(f"Aidants familiaux — {t}", "aidant-familial", t, (1, 2), "") for t in
           ["Coucouron", "Saint-Étienne-de-Lugdarès", "Valgorge", "Saint-Agrève", "Lalouvesc", "Burzet"]] + [
    ("Écrivain public itinérant du Haut-Vivarais", "ecrivain-public", "CC du Val d'Ay", (1, 1), "Itinérant"),
    ("Écrivain public itinérant des Boutières", "ecrivain-public", "CC Val Eyrieux", (1, 1), "Itinérant"),
    ("Écrivain public itinérant de la Cévenne ardéchoise", "ecrivain-public", "CC du Pays Beaume-Drobie", (1, 1), "Itinérant"),
    ("Aides à domicile — secteur du Pays de Lamastre", "service-a-la-personne", "CC du Pays de Lamastre", (2, 12), "Itinérant"),
    ("Aides à domicile — secteur Val Eyrieux", "service-a-la-personne", "CC Val Eyrieux", (2, 12), "Itinérant"),
    ("Auxiliaires de vie — secteur Beaume-Drobie", "service-a-la-personne", "CC du Pays Beaume-Drobie", (2, 12), "Itinérant"),
    ("Portage de repas et aide numérique — Montagne d'Ardèche", "service-a-la-personne", "CC Montagne d'Ardèche",
     (2, 12), "Itinérant"),
    ("Équipe mobile médico-sociale de la Montagne ardéchoise", "medico-social",
     "CC Montagne d'Ardèche+CC Ardèche des Sources et Volcans", (1, 3), "Itinérant"),
    ("Infirmières coordinatrices du SSIAD des Cévennes", "medico-social",
     "CC Pays des Vans en Cévennes+CC du Pays Beaume-Drobie", (1, 3), "Itinérant"),
    ("Agents de contrôle MSA — Nord-Ardèche", "controle-inspection", "CA Annonay Rhône Agglo+CC du Val d'Ay", (1, 3),
     "Itinérant"),
    ("Permanence téléphonique d'aide numérique du Département", "conseiller-numerique", DEP, (2, 4), ""),
    ("France Services à distance — visio-guichet de l'Ardèche", "france-services", DEP, (1, 3), "")]
for nom, typ, zone, hc, itin in ROAMING:
    codes = [E.get(z) or (by_name[z]["code_insee"] if z in by_name else z) for z in zone.split("+")]
    add_int(typ, nom, zone="|".join(codes), hc=hc, itin=itin, acc=["À distance"] if zone == DEP else None)
iid = {i["id"]: i for i in ints}

# ---------------------------------------------------------------- lieux rows
hosts_cn = {q for i in ints if i["type"] == "conseiller-numerique" for q in i["places"]}
relayed = {p["id"]: set(p["services"]) for p in places}  # services relayed at a place (own + staff)
for i in ints:
    for q in i["places"]:
        relayed[q].update(i["services"].split("|"))
# unique fake SIRET (999…) and phone numbers in the range reserved for fiction (+33 1 99 …)
pivots, phones = rng.sample(range(10 ** 11), len(places)), rng.sample(range(10 ** 6), len(places))
lieu_rows = []
for p, pv, ph in zip(places, pivots, phones):
    f, o, k, t = p["flags"], p["opt"], p["kind"], p["town"]
    pv, ph = f"999{pv:011d}", f"+33199{ph:06d}"
    s = slug(p["nom"])
    disp = (["France Services"] if p["typologie"] == "FS" else []) + \
           (["Conseillers numériques"] if p["id"] in hosts_cn else []) + (["Aidants Connect"] if "ac" in f else []) + \
           (["Relais numérique (Emmaüs Connect)"] if k == "EMC" else []) + \
           (["Bibliothèques numérique de référence"] if "bnr" in f else [])
    if k == "EPN" and rng.random() < 0.5: disp.append("Certification PIX")
    if k in ("MJC", "ML") and rng.random() < 0.6: disp.append("Promeneurs du net")
    if k == "CS" and rng.random() < 0.3: disp.append("Point d'accès numérique CAF")
    acc = [ACCOMP[i] for i in KIND[k][3]] + (["À distance"] if "dist" in f else [])
    acces = ["Se présenter", "Téléphoner"] + (["Prendre un RDV en ligne"] if k == "FS" and rng.random() < .5 else [])
    if k == "ML": acces = ["Téléphoner", "Envoyer un mail avec une fiche de prescription"]
    if rng.random() < 0.25: acces.append("Contacter par mail")
    frais = ["Gratuit sous condition"] if k in ("EPN", "TL") and rng.random() < 0.5 else ["Gratuit"]
    if k == "TL" and rng.random() < 0.5: frais.append("Payant")
    pec = [v for key, v in o.items() if key.startswith("pec")]
    if k in ("EP", "SOL") and rng.random() < 0.5: pec.append("Illettrisme")
    detail = "Permanences partenaires :\nCAF le lundi, CPAM le jeudi, impôts sur rendez-vous." if "nl" in f else \
        (rng.choice(DETAILS) if rng.random() < 0.35 else "")
    hor = "" if rng.random() < 0.1 else rng.choice(HORAIRES[KIND[k][2]])
    day = datetime.date(2025, 1, 2) + datetime.timedelta(days=rng.randrange(330))
    lieu_rows.append([
        p["id"], pv, p["nom"], t, cp[t], "" if "noinsee" in f else p["insee"],
        f"{rng.randint(1, 40)} {rng.choice(STREETS)}", rng.choice(COMPLEMENTS) if rng.random() < 0.15 else "",
        f"{p['lat']:.5f}", f"{p['lon']:.5f}", p["typologie"] + ("|MUNI" if k == "FS" and rng.random() < .3 else ""),
        ph if rng.random() < 0.85 else "", f"contact@{s}.example.org" if rng.random() < 0.7 else "",
        f"https://{s}.example.org" if rng.random() < 0.6 else "", hor,
        RESUME[k].format(t=t, d=de(t)), detail, "maillage-demo",
        "Itinérant" if k == "BUS" else ("Fixe" if rng.random() < 0.85 else ""), o.get("parent", ""),
        day.isoformat(), "|".join(p["services"]), o.get("pub", ""), ordered(pec, PEC), ordered(frais, FRAIS),
        ordered(disp, DISPO), o.get("fl", ""), AUTRES_FORMATIONS.get(f"{t}|{k}", ""), ordered(acces, ACCES),
        ordered(acc, ACCOMP), f"https://acceslibre.example.org/erp/{s}/" if rng.random() < 0.08 else "",
        f"https://rdv.example.org/{s}" if k == "FS" and rng.random() < 0.4 else ""])

# ---------------------------------------------------------------- 4. orientations
node_cluster = {p["id"]: p["cluster"] for p in places}
node_svc = {p["id"]: sorted(relayed[p["id"]]) for p in places}
for i in ints:
    if i["places"]:
        node_cluster[i["id"]] = pid[i["places"][0]]["cluster"]
    else:  # first zone code -> its commune, or the seat of its EPCI; the whole département -> Privas
        code = i["zone"].split("|")[0]
        c = communes.get(code) or epci_seat.get(code) or by_name["Privas"]
        node_cluster[i["id"]] = CLUSTER[c["siren_epci"]]
    node_svc[i["id"]] = i["services"].split("|")
isolated = {p["id"] for p in places if "iso" in p["flags"]}
isolated |= {i["id"] for i in ints if set(i["places"]) & isolated}
edges, seen = [], set()

def link(a, b, service=None):
    """a refers people to b (for a service b relays, or unspecified); weight 1-10 or empty."""
    if service is None:
        service = rng.choice(node_svc[b]) if rng.random() < 0.8 else ""
    if a != b and (a, b, service) not in seen:
        seen.add((a, b, service))
        r = rng.random()
        weight = str(rng.randint(1, 10)) if r < 0.7 else f"{rng.randint(10, 99) / 10:.1f}" if r < 0.85 else ""
        edges.append([a, b, service, weight])

members = defaultdict(list)
for n, c in node_cluster.items():
    if n not in isolated:
        members[c].append(n)
for c in sorted(members):  # dense referrals inside each bassin, around its hubs
    hubs = [p["id"] for p in places if p["cluster"] == c and "hub" in p["flags"]]
    for a, b in [(a, b) for a in hubs for b in hubs if a != b]:
        if rng.random() < 0.5:
            link(a, b)
    for n in members[c]:
        if n in hubs or (n in iid and iid[n]["places"] and rng.random() > 0.12):
            continue  # most staff refer through their place
        h = rng.choice(hubs)
        link(n, h)
        if rng.random() < 0.2:
            link(h, n)
        if rng.random() < 0.45:  # plus a local link to another place, so bassins are more than stars
            link(n, rng.choice([m for m in members[c] if m in pid]))
# brokers between bassins (several links each, so none of them is a bridge)
CROSS = [("Annonay", "FS", "Tournon-sur-Rhône", "FS"), ("Tournon-sur-Rhône", "FS", "Annonay", "FS"),
         ("Annonay", "CS", "Tournon-sur-Rhône", "CS"), ("Guilherand-Granges", "CS", "La Voulte-sur-Rhône", "FS"),
         ("Privas", "FS", "Tournon-sur-Rhône", "FS"), ("Lamastre", "FS", "Privas", "FS"),
         ("Privas", "FS", "Aubenas", "FS"), ("Aubenas", "CS", "Privas", "CS"),
         ("Le Teil", "FS", "Privas", "FS"), ("Privas", "CS", "Le Teil", "CS"),
         ("Aubenas", "FS", "Bourg-Saint-Andéol", "FS"), ("Le Teil", "CS", "Aubenas", "CS"),
         ("Villeneuve-de-Berg", "FS", "Le Teil", "FS")]
for a1, a2, b1, b2 in CROSS:
    link(find(a1, a2)["id"], find(b1, b2)["id"])
# single bridges: one link holds each valley to the rest
bridge_ids = [(find(a1, a2)["id"], find(b1, b2)["id"]) for a1, a2, b1, b2 in
              [("Satillieu", "FS", "Annonay", "FS"), ("Le Cheylard", "FS", "Privas", "FS"),
               ("Les Vans", "FS", "Aubenas", "FS")]]
for a, b in bridge_ids:
    link(a, b, "Aide aux démarches administratives")

# ---------------------------------------------------------------- write
write_csv("lieux.csv", LIEU_HEADER, lieu_rows)
write_csv("intermediaires.csv", INT_HEADER, [[i["id"], i["nom"], i["type"], "|".join(i["places"]), i["headcount"],
                                               i["services"], i["zone"], i["acc"], i["itin"]] for i in ints])
write_csv("orientations.csv", ORI_HEADER, edges)

# ---------------------------------------------------------------- self-check (re-reads the files)
def read(name, header):
    raw = open(os.path.join(OUT, name), "rb").read()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n"), name
    text = raw.decode("utf-8")
    assert text.split("\n", 1)[0] == ",".join(header), name
    return list(csv.DictReader(io.StringIO(text, newline="")))

C = read("communes.csv", header_line.split(","))
assert open(os.path.join(OUT, "communes.csv"), encoding="utf-8").read() == "\n".join([header_line] + dep_lines) + "\n"
assert len(C) == 335 and sum(int(c["population_municipale"]) for c in C) == 334231 and len(epcis) == 19
L, I, O = read("lieux.csv", LIEU_HEADER), read("intermediaires.csv", INT_HEADER), read("orientations.csv", ORI_HEADER)
ids = [r["id"] for r in L] + [r["id"] for r in I]
assert len(ids) == len(set(ids)), "duplicate id"
assert 90 <= len(L) <= 130 and 150 <= len(I) <= 250 and 150 <= len(O) <= 300
geo_codes, lieu = set(communes) | set(epcis) | {DEP}, {r["id"]: r for r in L}
multi = lambda v: v.split("|") if v else []
for r in L:
    assert re.fullmatch(r"ardeche-lieu-\d{3}", r["id"]) and re.fullmatch(r"999\d{11}", r["pivot"])
    assert re.fullmatch(r"07\d{3}", r["code_postal"]) and r["source"] == "maillage-demo"
    c = by_name[r["commune"]]
    assert r["code_insee"] in ("", c["code_insee"])
    assert haversine(float(r["latitude"]), float(r["longitude"]), float(c["latitude"]), float(c["longitude"])) <= 1.0
    assert re.fullmatch(r"\d+\.\d{5}", r["latitude"]) and re.fullmatch(r"\d+\.\d{5}", r["longitude"])
    assert r["telephone"] == "" or re.fullmatch(r"\+33199\d{6}", r["telephone"])
    assert r["courriels"] == "" or re.fullmatch(r"contact@[a-z0-9-]+\.example\.org", r["courriels"])
    assert r["site_web"] == "" or re.fullmatch(r"https://[a-z0-9-]+\.example\.org", r["site_web"])
    assert len(r["presentation_resume"]) <= 280 and r["itinerance"] in ("", "Fixe", "Itinérant")
    assert re.fullmatch(r"2025-\d\d-\d\d", r["date_maj"]) and r["services"]
    for field, vocab in [("services", V1), ("publics_specifiquement_adresses", PUBLICS), ("typologie", TYPOS),
                         ("prise_en_charge_specifique", PEC), ("frais_a_charge", FRAIS), ("formations_labels", FORMATIONS),
                         ("dispositif_programmes_nationaux", DISPO), ("modalites_acces", ACCES),
                         ("modalites_accompagnement", ACCOMP)]:
        assert all(v in vocab for v in multi(r[field])), (r["id"], field)
assert sum(r["code_insee"] == "" for r in L) == 6
assert sum("\n" in r["presentation_detail"] for r in L) == 1 and sum('"' in r["presentation_detail"] for r in L) >= 2
for r in I:
    assert re.fullmatch(r"ardeche-int-\d{3}", r["id"]) and r["type"] in TYPES
    assert all(q in lieu for q in multi(r["place_id"])) and (r["place_id"] or r["zone"])
    assert r["headcount"] == "" or int(r["headcount"]) >= 1
    assert r["services"] and all(v in ALL_SVC for v in multi(r["services"]))
    assert all(z in geo_codes for z in multi(r["zone"]))
    assert all(v in ACCOMP for v in multi(r["modalites_accompagnement"])) and r["itinerance"] in ("", "Fixe", "Itinérant")
    if r["type"] in ("conseiller-numerique", "france-services"):  # host places carry the programme
        label = "Conseillers numériques" if r["type"] == "conseiller-numerique" else "France Services"
        assert all(label in lieu[q]["dispositif_programmes_nationaux"] for q in multi(r["place_id"])), r["id"]
tcount = Counter(r["type"] for r in I)
assert all(tcount[t] >= 3 for t in TYPES), tcount
assert 15 <= (no_place := sum(1 for r in I if not r["place_id"])) <= 25
triples, adj = set(), defaultdict(set)
for r in O:
    a, b = r["source_id"], r["target_id"]
    assert a in ids and b in ids and a != b and (a, b, r["service"]) not in triples
    assert r["service"] == "" or r["service"] in ALL_SVC
    assert r["weight"] == "" or (re.fullmatch(r"\d+(\.\d)?", r["weight"]) and 1 <= float(r["weight"]) <= 10)
    triples.add((a, b, r["service"]))
    adj[a].add(b)
    adj[b].add(a)
iso_places = sorted(p["id"] for p in places if p["id"] not in adj)
assert {p["id"] for p in places if "iso" in p["flags"]} == set(iso_places)

def reachable(start, cut):
    """Nodes reachable from start (undirected) without using the edge `cut`."""
    seen_, stack = {start}, [start]
    while stack:
        n = stack.pop()
        for m in adj[n]:
            if {n, m} != set(cut) and m not in seen_:
                seen_.add(m)
                stack.append(m)
    return seen_

for a, b in bridge_ids:  # removing a valley's bridge cuts it off
    assert b not in reachable(a, (a, b)), (a, b)

# ---------------------------------------------------------------- summary
def uncovered(pts, km=15.0):
    """Population (and communes) with no point within km (haversine, R = 6371.0 km)."""
    out = [c for c in C if all(haversine(float(c["latitude"]), float(c["longitude"]), la, lo) > km for la, lo in pts)]
    return sum(int(c["population_municipale"]) for c in out), out

print(f"communes: {len(C)} (population {sum(int(c['population_municipale']) for c in C):,}), EPCI: {len(epcis)}")
print(f"places: {len(L)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(p['kind'] for p in places).items()))}); "
      f"without code_insee: 6; itinerant: {sum(r['itinerance'] == 'Itinérant' for r in L)}")
print(f"intermediaries: {len(I)} (no place: {no_place}, unknown headcount: {sum(r['headcount'] == '' for r in I)})")
print("\n".join(f"  {t:24s} {tcount[t]}" for t in TYPES))
print(f"referrals: {len(O)} (isolated places: {len(iso_places)}; single valley bridges: {len(bridge_ids)})")
per_epci = Counter(p["epci"] for p in places)
print("places per EPCI:\n" + "\n".join(f"  {s} {epcis[s]:40s} {per_epci[s]}"
                                       for s in sorted(epcis, key=lambda s: (-per_epci[s], epcis[s]))))
pop, holes = uncovered([(float(r["latitude"]), float(r["longitude"])) for r in L])
print(f"no place within 15 km: {len(holes)} communes, {pop:,} inhabitants "
      f"({', '.join(c['nom'] for c in sorted(holes, key=lambda c: -int(c['population_municipale']))[:6])}, …)")
for svc in (V1[8], V1[4]):
    pts = [(float(r["latitude"]), float(r["longitude"])) for r in L if svc in r["services"].split("|")]
    print(f"  {svc}: {len(pts)} places, {uncovered(pts)[0]:,} inhabitants with none within 15 km")
print("self-check: OK")
