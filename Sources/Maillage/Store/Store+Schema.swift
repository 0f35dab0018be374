import GRDB

extension Store {
    /// The schema, one named migration at a time. Never edit a migration once it has landed:
    /// add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: territories") { db in
            try db.execute(sql: """
                CREATE TABLE region (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 2 AND 3),
                    nom TEXT NOT NULL,
                    population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
                    latitude REAL, longitude REAL);
                CREATE TABLE departement (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 2 AND 3),
                    nom TEXT NOT NULL,
                    region_code TEXT NOT NULL REFERENCES region(code),
                    population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
                    latitude REAL, longitude REAL);
                CREATE TABLE epci (
                    siren TEXT PRIMARY KEY NOT NULL CHECK (length(siren) = 9 AND siren NOT GLOB '*[^0-9]*'),
                    nom TEXT NOT NULL,
                    nature TEXT NOT NULL CHECK (nature IN ('CC', 'CA', 'CU', 'METRO', 'MET69')),
                    population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
                    latitude REAL, longitude REAL);
                CREATE TABLE commune (
                    code_insee TEXT PRIMARY KEY NOT NULL CHECK (code_insee GLOB '[0-9][0-9AB][0-9][0-9][0-9]'),
                    nom TEXT NOT NULL,
                    departement_code TEXT NOT NULL REFERENCES departement(code),
                    epci_siren TEXT REFERENCES epci(siren),
                    population_municipale INTEGER NOT NULL DEFAULT 0 CHECK (population_municipale >= 0),
                    population_totale INTEGER NOT NULL DEFAULT 0 CHECK (population_totale >= 0),
                    latitude REAL CHECK (latitude BETWEEN -90 AND 90),
                    longitude REAL CHECK (longitude BETWEEN -180 AND 180),
                    CHECK ((latitude IS NULL) = (longitude IS NULL)));
                CREATE INDEX commune_departement ON commune(departement_code);
                CREATE INDEX commune_epci ON commune(epci_siren);
                """)
        }
        migrator.registerMigration("v1: taxonomy") { db in
            try db.execute(sql: """
                CREATE TABLE taxonomy_document (name TEXT PRIMARY KEY NOT NULL, content TEXT NOT NULL);
                CREATE TABLE actor_type (
                    slug TEXT PRIMARY KEY NOT NULL,
                    label TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('person', 'structure')),
                    position INTEGER NOT NULL);
                CREATE TABLE service (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    label TEXT NOT NULL UNIQUE,
                    level TEXT NOT NULL CHECK (level IN ('national', 'v0.1', 'demarche')),
                    parent_id INTEGER REFERENCES service(id) CHECK (parent_id IS NULL OR parent_id <> id),
                    position INTEGER NOT NULL);
                CREATE TABLE programme (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    label TEXT NOT NULL UNIQUE,
                    in_v1 BOOLEAN NOT NULL,
                    position INTEGER NOT NULL);
                CREATE TABLE typologie (code TEXT PRIMARY KEY NOT NULL, label TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v1: graph") { db in
            try db.execute(sql: """
                CREATE TABLE source (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE CHECK (length(name) > 0));
                CREATE TABLE node (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('place', 'intermediary')),
                    public_id TEXT NOT NULL UNIQUE CHECK (length(public_id) > 0),
                    source_id INTEGER NOT NULL REFERENCES source(id),
                    active BOOLEAN NOT NULL DEFAULT 1,
                    details TEXT,
                    UNIQUE (id, kind));
                CREATE TABLE place (
                    node_id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL DEFAULT 'place' CHECK (kind = 'place'),
                    pivot TEXT,
                    nom TEXT NOT NULL CHECK (length(nom) > 0),
                    commune TEXT,
                    code_postal TEXT,
                    code_insee TEXT REFERENCES commune(code_insee),
                    placement TEXT NOT NULL CHECK (placement IN ('file', 'corrected', 'coordinates', 'postal', 'none')),
                    adresse TEXT,
                    complement_adresse TEXT,
                    latitude REAL CHECK (latitude BETWEEN -90 AND 90),
                    longitude REAL CHECK (longitude BETWEEN -180 AND 180),
                    typologie TEXT,
                    telephone TEXT,
                    courriels TEXT,
                    site_web TEXT,
                    horaires TEXT,
                    presentation_resume TEXT,
                    presentation_detail TEXT,
                    source_label TEXT,
                    itinerance TEXT,
                    structure_parente TEXT,
                    date_maj TEXT CHECK (date_maj GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    publics_specifiquement_adresses TEXT,
                    prise_en_charge_specifique TEXT,
                    frais_a_charge TEXT,
                    formations_labels TEXT,
                    autres_formations_labels TEXT,
                    modalites_acces TEXT,
                    modalites_accompagnement TEXT,
                    fiche_acces_libre TEXT,
                    prise_rdv TEXT,
                    unrecognised TEXT,
                    CHECK ((latitude IS NULL) = (longitude IS NULL)),
                    CHECK ((placement = 'none') = (code_insee IS NULL)),
                    FOREIGN KEY (node_id, kind) REFERENCES node(id, kind) ON DELETE CASCADE);
                CREATE INDEX place_commune ON place(code_insee);
                CREATE TABLE intermediary (
                    node_id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL DEFAULT 'intermediary' CHECK (kind = 'intermediary'),
                    nom TEXT,
                    actor_type TEXT NOT NULL REFERENCES actor_type(slug),
                    headcount INTEGER CHECK (headcount >= 0),
                    itinerance TEXT,
                    modalites_accompagnement TEXT,
                    FOREIGN KEY (node_id, kind) REFERENCES node(id, kind) ON DELETE CASCADE);
                CREATE INDEX intermediary_type ON intermediary(actor_type);
                CREATE TABLE works_at (
                    intermediary_id INTEGER NOT NULL REFERENCES intermediary(node_id) ON DELETE CASCADE,
                    place_id INTEGER NOT NULL REFERENCES place(node_id) ON DELETE CASCADE,
                    PRIMARY KEY (intermediary_id, place_id)) WITHOUT ROWID;
                CREATE INDEX works_at_place ON works_at(place_id);
                CREATE TABLE relay (
                    node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                    service_id INTEGER NOT NULL REFERENCES service(id),
                    remote BOOLEAN NOT NULL DEFAULT 0,
                    PRIMARY KEY (node_id, service_id)) WITHOUT ROWID;
                CREATE INDEX relay_service ON relay(service_id);
                CREATE TABLE zone (
                    node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                    level TEXT NOT NULL CHECK (level IN ('commune', 'epci', 'departement', 'region', 'france')),
                    code TEXT NOT NULL,
                    PRIMARY KEY (node_id, level, code)) WITHOUT ROWID;
                CREATE TABLE labelled (
                    node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                    programme_id INTEGER NOT NULL REFERENCES programme(id),
                    PRIMARY KEY (node_id, programme_id)) WITHOUT ROWID;
                CREATE TABLE referral (
                    id INTEGER PRIMARY KEY,
                    source_node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                    target_node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                    service_id INTEGER REFERENCES service(id),
                    weight REAL CHECK (weight >= 0),
                    CHECK (source_node_id <> target_node_id));
                CREATE UNIQUE INDEX referral_unique ON referral(source_node_id, target_node_id, IFNULL(service_id, 0));
                CREATE INDEX referral_target ON referral(target_node_id);
                """)
        }
        migrator.registerMigration("v1: search") { db in
            // Full-text search over names, communes and descriptions, accent- and case-insensitive.
            // Rebuilt on demand when `data_version` has moved since it was built.
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
                INSERT INTO meta (key, value) VALUES ('data_version', 0), ('search_version', -1);
                CREATE VIRTUAL TABLE search_index USING fts5(
                    public_id UNINDEXED, kind UNINDEXED, nom, commune, description,
                    tokenize = 'unicode61 remove_diacritics 2');
                """)
        }
        migrator.registerMigration("v2: fragility") { db in
            // The digital fragility index as published: by commune (an older COG, so not a
            // foreign key to the current communes) and by EPCI, with its components.
            try db.execute(sql: """
                CREATE TABLE fragility (
                    division TEXT NOT NULL CHECK (division IN ('city', 'epci')),
                    code TEXT NOT NULL,
                    nom TEXT,
                    total REAL NOT NULL CHECK (total BETWEEN 0 AND 10),
                    no_thd_coverage_rate REAL CHECK (no_thd_coverage_rate BETWEEN 0 AND 10),
                    no_4g_coverage_rate REAL CHECK (no_4g_coverage_rate BETWEEN 0 AND 10),
                    poverty_rate REAL CHECK (poverty_rate BETWEEN 0 AND 10),
                    older_65_rate REAL CHECK (older_65_rate BETWEEN 0 AND 10),
                    nscol15p_rate REAL CHECK (nscol15p_rate BETWEEN 0 AND 10),
                    PRIMARY KEY (division, code)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: place postal codes") { db in
            // The postal codes the places pair with their communes (``Store/postalCodes(_:)``, read
            // with every snapshot): from this index alone, not a scan of the whole place table
            // (0.6 s → 0.02 s at 300,000 places).
            try db.execute(sql: """
                CREATE INDEX place_postal_code ON place(code_postal, code_insee, placement)
                WHERE placement IN ('file', 'corrected') AND code_postal IS NOT NULL AND code_insee IS NOT NULL;
                """)
        }
        migrator.registerMigration("v4: merged places", migrate: mergedPlaces)
        migrator.registerMigration("v5: edits", migrate: edits)
        migrator.registerMigration("v6: error reports", migrate: errorReports)
        migrator.registerMigration("v7: referral edits", migrate: referralEdits)
        migrator.registerMigration("v8: intermediary edits", migrate: intermediaryEdits)
        return migrator
    }
}
