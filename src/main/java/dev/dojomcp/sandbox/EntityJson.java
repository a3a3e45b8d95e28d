package dev.dojomcp.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** Serialisers for everything but findings (§6, §7). */
final class EntityJson {
    private final SandboxStore store;
    private final int dojoVersion;

    EntityJson(SandboxStore store, int dojoVersion) {
        this.store = store;
        this.dojoVersion = dojoVersion;
    }

    ObjectNode userStub(int userId) {
        UserRecord u = store.users.get(userId);
        ObjectNode n = Json.object();
        n.put("id", userId);
        Json.text(n, "username", u == null ? null : u.username());
        Json.text(n, "first_name", u == null ? null : u.firstName());
        Json.text(n, "last_name", u == null ? null : u.lastName());
        return n;
    }

    ObjectNode note(NoteRecord note) {
        ObjectNode n = Json.object();
        n.put("id", note.id());
        n.set("author", userStub(note.author()));
        if (note.editor() == FindingRecord.NO_ID) {
            n.putNull("editor");
        } else {
            n.set("editor", userStub(note.editor()));
        }
        n.putArray("history");
        n.putNull("note_type");
        n.put("entry", note.entry());
        Json.text(n, "date", Json.dateTime(note.date()));
        n.put("private", note.isPrivate());
        n.put("edited", note.edited());
        Json.text(n, "edit_time", Json.dateTime(note.editTime()));
        return n;
    }

    ObjectNode user(UserRecord u) {
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("username", u.username());
        n.put("first_name", u.firstName());
        n.put("last_name", u.lastName());
        n.put("email", u.email());
        Json.text(n, "date_joined", Json.dateTime(u.dateJoined()));
        Json.text(n, "last_login", Json.dateTime(u.lastLogin()));
        n.put("is_active", u.isActive());
        if (dojoVersion >= 3) {
            n.put("is_staff", u.isStaff());
        }
        n.put("is_superuser", u.isSuperuser());
        n.putNull("token_last_reset");
        n.putNull("password_last_reset");
        n.putArray("configuration_permissions");
        return n;
    }

    ObjectNode productType(ProductTypeRecord pt) {
        ObjectNode n = Json.object();
        n.put("id", pt.id());
        Json.text(n, "created", Json.dateTime(pt.created()));
        Json.text(n, "updated", Json.dateTime(pt.updated()));
        n.put("name", pt.name());
        Json.text(n, "description", pt.description());
        n.put("critical_product", pt.criticalProduct());
        n.put("key_product", pt.keyProduct());
        if (dojoVersion >= 3) {
            n.putArray("authorized_users");
        } else {
            n.putArray("members");
            n.putArray("authorization_groups");
        }
        return n;
    }

    ObjectNode product(ProductRecord p) {
        ObjectNode n = Json.object();
        int[] open = store.activeFindingIds(p.id());
        n.put("id", p.id());
        n.put("findings_count", open.length);
        Json.ids(n, "findings_list", open);
        Json.strings(n, "tags", p.tags());
        n.putArray("product_meta");
        n.put("name", p.name());
        Json.text(n, "description", p.description());
        Json.text(n, "created", Json.dateTime(p.created()));
        Json.integer(n, "prod_numeric_grade", p.prodNumericGrade());
        Json.text(n, "business_criticality", p.businessCriticality());
        Json.text(n, "platform", p.platform());
        Json.text(n, "lifecycle", p.lifecycle());
        Json.text(n, "origin", p.origin());
        Json.integer(n, "user_records", p.userRecords());
        Json.text(n, "revenue", p.revenue());
        n.put("external_audience", p.externalAudience());
        n.put("internet_accessible", p.internetAccessible());
        n.put("enable_product_tag_inheritance", false);
        n.put("enable_simple_risk_acceptance", p.enableSimpleRiskAcceptance());
        n.put("enable_full_risk_acceptance", p.enableFullRiskAcceptance());
        n.put("disable_sla_breach_notifications", false);
        Json.id(n, "product_manager", p.productManager());
        Json.id(n, "technical_contact", p.technicalContact());
        Json.id(n, "team_manager", p.teamManager());
        n.put("prod_type", p.prodType());
        Json.id(n, "sla_configuration", p.slaConfiguration());
        if (dojoVersion >= 3) {
            n.putArray("authorized_users");
        } else {
            n.putArray("members");
            n.putArray("authorization_groups");
        }
        Json.ids(n, "regulations", p.regulations());
        return n;
    }

    ObjectNode engagement(EngagementRecord e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        Json.strings(n, "tags", e.tags());
        Json.text(n, "created", Json.dateTime(e.created()));
        Json.text(n, "updated", Json.dateTime(e.updated()));
        Json.text(n, "name", e.name());
        Json.text(n, "description", e.description());
        Json.text(n, "version", e.version());
        Json.text(n, "first_contacted", Json.date(e.firstContacted()));
        Json.text(n, "target_start", Json.date(e.targetStart()));
        Json.text(n, "target_end", Json.date(e.targetEnd()));
        Json.text(n, "reason", e.reason());
        n.put("active", e.active());
        Json.text(n, "tracker", e.tracker());
        Json.text(n, "test_strategy", e.testStrategy());
        n.put("threat_model", e.threatModel());
        n.put("api_test", e.apiTest());
        n.put("pen_test", e.penTest());
        n.put("check_list", e.checkList());
        Json.text(n, "status", e.status());
        Json.text(n, "progress", e.progress());
        Json.text(n, "tmodel_path", e.tmodelPath());
        n.put("done_testing", e.doneTesting());
        Json.text(n, "engagement_type", e.engagementType());
        Json.text(n, "build_id", e.buildId());
        Json.text(n, "commit_hash", e.commitHash());
        Json.text(n, "branch_tag", e.branchTag());
        Json.text(n, "source_code_management_uri", e.sourceCodeManagementUri());
        n.put("deduplication_on_engagement", e.deduplicationOnEngagement());
        Json.id(n, "lead", e.lead());
        n.putNull("requester");
        n.putNull("preset");
        n.putNull("report_type");
        n.put("product", e.product());
        notes(n, e.notes());
        n.putArray("files");
        Json.ids(n, "risk_acceptance", RiskAcceptanceResource.ofEngagement(store, e.id()));
        if (dojoVersion >= 3) {
            n.putNull("cicd_scm_server");
            n.putNull("cicd_build_server");
            n.putNull("cicd_orchestration_engine");
        } else {
            n.putNull("source_code_management_server");
            n.putNull("build_server");
            n.putNull("orchestration_engine");
        }
        return n;
    }

    ObjectNode test(TestRecord t) {
        ObjectNode n = Json.object();
        TestTypeRecord type = store.testTypes.get(t.testType());
        n.put("id", t.id());
        Json.text(n, "test_type_name", type == null ? null : type.name());
        if (dojoVersion >= 3) {
            // Per-parser dedupe configuration is not modelled; DefectDojo's legacy default is hash_code.
            n.put("deduplication_algorithm", "legacy");
            n.putNull("hash_code_fields");
        }
        Json.strings(n, "tags", t.tags());
        n.putArray("finding_groups");
        Json.text(n, "scan_type", t.scanType());
        Json.text(n, "title", t.title());
        Json.text(n, "description", t.description());
        Json.text(n, "target_start", Json.dateTime(t.targetStart()));
        Json.text(n, "target_end", Json.dateTime(t.targetEnd()));
        Json.integer(n, "percent_complete", t.percentComplete());
        Json.text(n, "updated", Json.dateTime(t.updated()));
        Json.text(n, "created", Json.dateTime(t.created()));
        Json.text(n, "version", t.version());
        Json.text(n, "build_id", t.buildId());
        Json.text(n, "commit_hash", t.commitHash());
        Json.text(n, "branch_tag", t.branchTag());
        n.put("engagement", t.engagement());
        Json.id(n, "lead", t.lead());
        n.put("test_type", t.testType());
        notes(n, t.notes());
        n.putArray("files");
        Json.id(n, "environment", t.environment());
        n.putNull("api_scan_configuration");
        return n;
    }

    private void notes(ObjectNode n, int[] ids) {
        var array = n.putArray("notes");
        for (int id : ids) {
            NoteRecord note = store.notes.get(id);
            if (note != null) {
                array.add(note(note));
            }
        }
    }

    ObjectNode testType(TestTypeRecord t) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        Json.strings(n, "tags", t.tags());
        n.put("name", t.name());
        n.put("static_tool", t.staticTool());
        n.put("dynamic_tool", t.dynamicTool());
        n.put("active", t.active());
        n.put("dynamically_generated", false);
        return n;
    }

    ObjectNode slaConfiguration(SlaConfigurationRecord s) {
        ObjectNode n = Json.object();
        n.put("id", s.id());
        n.put("name", s.name());
        Json.text(n, "description", s.description());
        n.put("critical", s.critical());
        n.put("enforce_critical", s.enforceCritical());
        n.put("high", s.high());
        n.put("enforce_high", s.enforceHigh());
        n.put("medium", s.medium());
        n.put("enforce_medium", s.enforceMedium());
        n.put("low", s.low());
        n.put("enforce_low", s.enforceLow());
        n.put("restart_sla_on_reactivation", s.restartSlaOnReactivation());
        return n;
    }

    ObjectNode developmentEnvironment(NamedRecord e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("name", e.name());
        return n;
    }

    ObjectNode role(NamedRecord r) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("is_owner", r.flag());
        return n;
    }

    ObjectNode group(NamedRecord g) {
        ObjectNode n = Json.object();
        n.put("id", g.id());
        n.putArray("configuration_permissions");
        n.put("name", g.name());
        Json.text(n, "description", g.text());
        n.putNull("social_provider");
        var users = n.putArray("users");
        store.groupMembers.values().stream().filter(m -> m.group() == g.id()).mapToInt(GroupMemberRecord::user)
                .distinct().sorted().forEach(users::add);
        return n;
    }

    ObjectNode groupMember(GroupMemberRecord m) {
        ObjectNode n = Json.object();
        n.put("id", m.id());
        n.put("group", m.group());
        n.put("user", m.user());
        n.put("role", m.role());
        return n;
    }
}
