package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.exports.ExportDownloads;
import grants.core.errors.NotFoundException;
import grants.documents.DocumentSchemas;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.core.notices.NoticeService;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationService;
import grants.core.run.ProgrammeSummary;
import grants.core.run.ProgrammeUploads;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobs;
import grants.core.run.CommitResult;
import grants.core.run.RunHeader;
import grants.core.run.StoredProgramme;
import grants.core.access.Actor;
import grants.core.access.BindingService;
import grants.core.audit.AuditLog;
import grants.core.rounds.SeparateIds;
import grants.core.notices.Bulletin;
import grants.core.notices.Notice;
import grants.core.access.Role;
import grants.http.Access;
import grants.http.AuditPages;
import grants.http.HttpRequests;
import grants.http.HttpResponses;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.FINANCE_OFFICER;
import static grants.core.access.Role.PARTNERSHIP_MEMBER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.http.HttpRequests.body;
import static grants.http.HttpRequests.idempotencyKey;
import static grants.http.HttpRequests.pathId;
import static grants.http.HttpRequests.query;

/** The HTTP API's routes: read the request, call the use case, write the JSON. Route keys match template.yaml. */
final class AllocationRoutes {

    static final String PUT_PROGRAMME = "PUT /programmes/{programmeId}";
    static final String PUT_SUBMISSION = "PUT /programmes/{programmeId}/submissions/{partnershipId}";
    static final String POST_RUN = "POST /programmes/{programmeId}/allocation-runs";
    static final String LIST_RUNS = "GET /programmes/{programmeId}/allocation-runs";
    static final String GET_COMMIT_JOB = "GET /programmes/{programmeId}/commit-jobs/{jobId}";
    static final String GET_RUN = "GET /programmes/{programmeId}/allocation-runs/{runId}";
    static final String GET_RUN_TIERS = "GET /programmes/{programmeId}/allocation-runs/{runId}/tiers";
    static final String GET_RUN_ROW = "GET /programmes/{programmeId}/allocation-runs/{runId}/partnerships/{partnershipId}";
    static final String GET_EXPORTS = "GET /programmes/{programmeId}/allocation-runs/{runId}/exports";
    static final String GET_NOTICES = "GET /programmes/{programmeId}/allocation-runs/{runId}/notices";
    static final String RESEND_NOTICE = "POST /programmes/{programmeId}/allocation-runs/{runId}/notices/{partnershipId}/resend";
    static final String POST_BULLETIN = "POST /programmes/{programmeId}/bulletins";
    static final String POST_UPLOAD = "POST /programmes/{programmeId}/uploads";
    static final String POST_IMPORT = "POST /programmes/{programmeId}/imports";
    static final String GET_SCHEMA = "GET /schemas/{schemaName}";
    static final String GET_AUDIT = "GET /programmes/{programmeId}/audit";
    static final String LIST_PROGRAMMES = "GET /programmes";
    static final String PREVIEW_BULLETIN = "POST /programmes/{programmeId}/bulletins/preview";
    /** Who is bound to what in one programme or round (its id in {programmeId}), or everywhere. */
    static final String PUT_BINDING = "PUT /programmes/{programmeId}/bindings/{subject}";
    static final String GET_BINDING = "GET /programmes/{programmeId}/bindings/{subject}";
    static final String DELETE_BINDING = "DELETE /programmes/{programmeId}/bindings/{subject}";
    static final String PUT_BINDING_EVERYWHERE = "PUT /bindings/{subject}";
    static final String GET_BINDING_EVERYWHERE = "GET /bindings/{subject}";
    static final String DELETE_BINDING_EVERYWHERE = "DELETE /bindings/{subject}";

    private static final Role[] READERS = {PROGRAMME_MANAGER, FINANCE_OFFICER, AUDITOR};

    /** Every route this function serves and who may call it; template.yaml must declare exactly these routes. */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(PUT_PROGRAMME, Access.by("load or replace a programme", PROGRAMME_MANAGER)),
            Map.entry(PUT_SUBMISSION, Access.by("change a submission", PROGRAMME_MANAGER)),
            Map.entry(POST_UPLOAD, Access.by("upload a programme", PROGRAMME_MANAGER)),
            Map.entry(POST_IMPORT, Access.by("load an uploaded programme", PROGRAMME_MANAGER)),
            Map.entry(POST_RUN, Access.by("preview or commit an allocation run", PROGRAMME_MANAGER)),
            Map.entry(LIST_RUNS, Access.by("list the runs", PROGRAMME_MANAGER, FINANCE_OFFICER, AUDITOR,
                    PARTNERSHIP_MEMBER)),
            Map.entry(GET_RUN, Access.by("read a whole run", READERS)),
            Map.entry(GET_RUN_TIERS, Access.by("see where a run's money went by tier", READERS)),
            Map.entry(GET_COMMIT_JOB, Access.by("follow a commit made in the background", READERS)),
            Map.entry(GET_RUN_ROW, Access.by("read this partnership's grant", READERS).orMemberOf("partnershipId")),
            Map.entry(GET_EXPORTS, Access.by("download the finance files", READERS)),
            Map.entry(GET_NOTICES, Access.by("see every notice of a run", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(RESEND_NOTICE, Access.by("re-issue a notice", PROGRAMME_MANAGER)),
            Map.entry(POST_BULLETIN, Access.by("send a bulletin", PROGRAMME_MANAGER)),
            Map.entry(GET_SCHEMA, Access.anyone("read a schema")),
            Map.entry(GET_AUDIT, Access.by("read the audit trail", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(LIST_PROGRAMMES, Access.anyone("list the programmes")),
            Map.entry(PREVIEW_BULLETIN, Access.by("preview a bulletin", PROGRAMME_MANAGER)),
            Map.entry(PUT_BINDING, Access.by("bind people to what they may touch", PROGRAMME_MANAGER)),
            Map.entry(GET_BINDING, Access.by("read who is bound to what", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(DELETE_BINDING, Access.by("unbind people", PROGRAMME_MANAGER)),
            Map.entry(PUT_BINDING_EVERYWHERE, Access.by("bind people to what they may touch", PROGRAMME_MANAGER)),
            Map.entry(GET_BINDING_EVERYWHERE, Access.by("read who is bound to what", PROGRAMME_MANAGER, AUDITOR)),
            Map.entry(DELETE_BINDING_EVERYWHERE, Access.by("unbind people", PROGRAMME_MANAGER)));

    static final List<String> ALL = List.copyOf(new java.util.TreeSet<>(ACCESS.keySet()));

    private final AllocationService service;
    private final CommitJobs commits;
    private final ProgrammeUploads uploads;
    private final ExportDownloads downloads;
    private final NoticeService notices;
    private final AuditLog audit;
    private final BindingService bindings;
    private final SeparateIds ids;
    private final Clock clock;
    private final Duration defaultLinkExpiry;

    AllocationRoutes(AllocationService service, CommitJobs commits, ProgrammeUploads uploads, ExportDownloads downloads,
                     NoticeService notices, AuditLog audit, BindingService bindings, SeparateIds ids, Clock clock,
                     Duration defaultLinkExpiry) {
        this.audit = audit;
        this.bindings = bindings;
        this.ids = ids;
        this.service = service;
        this.commits = commits;
        this.uploads = uploads;
        this.downloads = downloads;
        this.notices = notices;
        this.clock = clock;
        this.defaultLinkExpiry = defaultLinkExpiry;
    }

    /** Empty when no route matches the request's route key. */
    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor actor) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        return Optional.ofNullable(switch (routeKey) {
            case PUT_PROGRAMME -> putProgramme(request, actor);
            case PUT_SUBMISSION -> putSubmission(request, actor);
            case POST_RUN -> postRun(request, actor);
            case LIST_RUNS -> listRuns(request);
            case GET_RUN -> getRun(request);
            case GET_COMMIT_JOB -> HttpResponses.json(200, RunJson.job(commits.job(pathId(request, "programmeId"),
                    pathId(request, "jobId"))));
            case GET_RUN_ROW -> getRunRow(request);
            case GET_RUN_TIERS -> HttpResponses.json(200, RunTiers.of(service, pathId(request, "programmeId"),
                    pathId(request, "runId")));
            case GET_EXPORTS -> getExports(request, actor);
            case GET_NOTICES -> HttpResponses.json(200, Json.object().put("runId", pathId(request, "runId"))
                    .set("notices", NoticeJson.notices(notices.runNotices(pathId(request, "programmeId"),
                            pathId(request, "runId")))));
            case RESEND_NOTICE -> resend(request, actor);
            case POST_BULLETIN -> postBulletin(request, actor);
            case POST_UPLOAD -> postUpload(request, actor);
            case POST_IMPORT -> postImport(request, actor);
            case GET_SCHEMA -> getSchema(request);
            case GET_AUDIT -> getAudit(request);
            case LIST_PROGRAMMES -> listProgrammes(actor);
            case PUT_BINDING, PUT_BINDING_EVERYWHERE -> HttpResponses.json(200, BindingJson.write(bindings.bind(actor,
                    BindingJson.read(body(request), pathId(request, "subject"), bindingScope(request)))));
            case GET_BINDING, GET_BINDING_EVERYWHERE -> HttpResponses.json(200, BindingJson.write(
                    bindings.get(actor, pathId(request, "subject"), bindingScope(request))));
            case DELETE_BINDING, DELETE_BINDING_EVERYWHERE -> HttpResponses.json(200, BindingJson.write(
                    bindings.unbind(actor, pathId(request, "subject"), bindingScope(request))));
            case PREVIEW_BULLETIN -> HttpResponses.json(200, Json.object().put("html",
                    notices.previewBulletin(NoticeJson.readPreview(body(request)))));
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse putProgramme(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        ids.refuseProgrammeIdOfARound(programmeId);
        StoredProgramme stored = service.putProgramme(programmeId, ProgrammeJson.read(body(request), programmeId));
        recordLoaded(actor, stored, "PROGRAMME_LOADED");
        return HttpResponses.json(stored.version() == 1 ? 201 : 200, programmeSummary(stored));
    }

    private void recordLoaded(Actor actor, StoredProgramme stored, String action) {
        audit.record(actor, stored.programme().programmeId(), action, "programme " + stored.programme().programmeId(),
                stored.replacedInputHash().map(hash -> "input " + hash).orElse(null),
                "version " + stored.version() + ", input " + stored.inputHash() + ", "
                        + stored.programme().partnerships().size() + " partnerships, "
                        + stored.programme().submissions().size() + " submissions");
    }

    private APIGatewayV2HTTPResponse putSubmission(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        String partnershipId = pathId(request, "partnershipId");
        StoredProgramme stored = service.putSubmission(programmeId,
                ProgrammeJson.readSubmission(body(request), partnershipId));
        ObjectNode response = programmeSummary(stored);
        stored.programme().submissions().stream().filter(s -> s.partnershipId().equals(partnershipId)).findFirst()
                .ifPresent(s -> response.set("submission", ProgrammeJson.writeSubmission(s)));
        audit.record(actor, programmeId, "SUBMISSION_SET", "submission of " + partnershipId,
                stored.replacedInputHash().map(hash -> "programme input " + hash).orElse(null),
                Json.write(response.path("submission")) + ", programme input " + stored.inputHash());
        return HttpResponses.json(200, response);
    }

    private APIGatewayV2HTTPResponse postRun(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        RunRequestJson.RunRequest run = RunRequestJson.read(body(request));
        RowPages.Request page = RowPages.Request.of(request); // read before anything is stored
        if (run.commit().isEmpty()) {
            return HttpResponses.json(200, RunJson.dryRun(service.dryRun(programmeId), page));
        }
        CommitJobs.Outcome outcome = commits.commit(programmeId, run.commit().get(), idempotencyKey(request), actor);
        if (outcome instanceof CommitJobs.Outcome.Queued queued) {
            return queuedCommit(queued);
        }
        CommitResult result = ((CommitJobs.Outcome.Committed) outcome).result();
        return HttpResponses.json(201, RunJson.run(result.run(), page),
                Map.of("location", RunJson.runPath(programmeId, result.run().header().runId()),
                        "idempotent-replayed", Boolean.toString(result.replayed())));
    }

    /** 202: the run is written in the background; the job's URL tells how far it has got, and then where the run is. */
    private APIGatewayV2HTTPResponse queuedCommit(CommitJobs.Outcome.Queued queued) {
        CommitJob job = queued.job();
        return HttpResponses.json(202, RunJson.job(job), Map.of("location", RunJson.jobPath(job),
                "idempotent-replayed", Boolean.toString(queued.replayed())));
    }

    private APIGatewayV2HTTPResponse listRuns(APIGatewayV2HTTPEvent request) {
        String programmeId = pathId(request, "programmeId");
        ObjectNode response = Json.object().put("programmeId", programmeId);
        ArrayNode runs = response.putArray("runs");
        for (RunHeader header : service.listRuns(programmeId)) {
            runs.add(RunJson.header(header));
        }
        return HttpResponses.json(200, response);
    }

    private APIGatewayV2HTTPResponse getRun(APIGatewayV2HTTPEvent request) {
        RowPages.Request page = RowPages.Request.of(request);
        AllocationRun run = service.runPage(pathId(request, "programmeId"), pathId(request, "runId"), page.after(),
                page.limit() + 1);
        return HttpResponses.json(200, RunJson.storedPage(run, page));
    }

    private APIGatewayV2HTTPResponse getRunRow(APIGatewayV2HTTPEvent request) {
        String programmeId = pathId(request, "programmeId");
        String runId = pathId(request, "runId");
        ObjectNode response = RunJson.row(service.row(programmeId, runId, pathId(request, "partnershipId")));
        response.put("programmeId", programmeId).put("runId", runId);
        return HttpResponses.json(200, response);
    }

    private APIGatewayV2HTTPResponse getExports(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        String runId = pathId(request, "runId");
        Duration expiry = query(request, "expiresInSeconds")
                .map(seconds -> Duration.ofSeconds(HttpRequests.wholeNumber("expiresInSeconds", seconds, 1,
                        ExportDownloads.MAX_EXPIRY.toSeconds())))
                .orElse(defaultLinkExpiry);
        ObjectNode response = Json.object().put("programmeId", programmeId).put("runId", runId)
                .put("expiresAt", clock.instant().plus(expiry).toString());
        ObjectNode files = response.putObject("files");
        downloads.links(programmeId, runId, expiry).forEach((name, link) -> files.put(name, link.toString()));
        audit.record(actor, programmeId, "EXPORT_LINKS_ISSUED", "export of run " + runId, null,
                files.size() + " download links, expiring " + response.get("expiresAt").asText());
        return HttpResponses.json(200, response);
    }

    /** Large programmes go to the bucket through a presigned PUT link, then {@code POST .../imports} stores them. */
    /** A presigned link that lets its holder write into the bucket: recorded like any change. */
    private APIGatewayV2HTTPResponse postUpload(APIGatewayV2HTTPEvent request, Actor actor) {
        ProgrammeUploads.Upload upload = uploads.start(pathId(request, "programmeId"));
        audit.record(actor, upload.programmeId(), "UPLOAD_LINK_ISSUED", "upload " + upload.uploadId(), null,
                "a link to PUT one programme document, expiring " + upload.expiresAt());
        ObjectNode response = Json.object().put("programmeId", upload.programmeId()).put("uploadId", upload.uploadId())
                .put("uploadUrl", upload.uploadUrl().toString()).put("method", "PUT")
                .put("expiresAt", upload.expiresAt().toString())
                .put("next", "POST /programmes/" + upload.programmeId() + "/imports {\"uploadId\": \"" + upload.uploadId() + "\"}");
        return HttpResponses.json(201, response);
    }

    private APIGatewayV2HTTPResponse postImport(APIGatewayV2HTTPEvent request, Actor actor) {
        ids.refuseProgrammeIdOfARound(pathId(request, "programmeId"));
        StoredProgramme stored = uploads.importUpload(pathId(request, "programmeId"),
                RunRequestJson.uploadId(body(request)));
        recordLoaded(actor, stored, "PROGRAMME_IMPORTED");
        return HttpResponses.json(stored.version() == 1 ? 201 : 200, programmeSummary(stored));
    }

    /** The published JSON Schema of a document or request body, for tools and editors to check a file before upload. */
    private APIGatewayV2HTTPResponse getSchema(APIGatewayV2HTTPEvent request) {
        String name = pathId(request, "schemaName");
        String schema = DocumentSchemas.text(name).orElseThrow(() -> new NotFoundException("There is no schema \""
                + name + "\"; the schemas are " + String.join(", ", DocumentSchemas.NAMES) + "."));
        return HttpResponses.text(200, "application/schema+json", schema);
    }

    private APIGatewayV2HTTPResponse resend(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        Notice reissued = notices.resend(programmeId, pathId(request, "runId"), pathId(request, "partnershipId"));
        audit.record(actor, programmeId, "NOTICE_REISSUED", "notice " + reissued.key(), null,
                "queued to " + String.join(", ", reissued.recipients()));
        return HttpResponses.json(202, NoticeJson.notice(reissued));
    }

    /** The binding routes' scope: the programme or round in the path, else every one. */
    private static String bindingScope(APIGatewayV2HTTPEvent request) {
        return request.getPathParameters() != null && request.getPathParameters().containsKey("programmeId")
                ? pathId(request, "programmeId") : Actor.EVERY_PROGRAMME;
    }

    /** The programmes the caller's roles apply to: none without a binding. */
    private APIGatewayV2HTTPResponse listProgrammes(Actor actor) {
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("programmes");
        for (ProgrammeSummary programme : service.listProgrammes()) {
            if (!actor.worksOn(programme.programmeId())) {
                continue;
            }
            list.addObject().put("programmeId", programme.programmeId()).put("name", programme.name())
                    .put("version", programme.version()).put("inputHash", programme.inputHash());
        }
        return HttpResponses.json(200, response);
    }

    /** A page of a programme's audit trail, newest first; a round's trail is the round's own route. */
    private APIGatewayV2HTTPResponse getAudit(APIGatewayV2HTTPEvent request) {
        String programmeId = pathId(request, "programmeId");
        if (ids.isRound(programmeId)) {
            throw new NotFoundException("\"" + programmeId + "\" is a commissioning round, not a programme: its audit trail"
                    + " is GET /rounds/" + programmeId + "/audit.");
        }
        return AuditPages.respond(audit, request, "programmeId", programmeId);
    }

    private APIGatewayV2HTTPResponse postBulletin(APIGatewayV2HTTPEvent request, Actor actor) {
        String programmeId = pathId(request, "programmeId");
        Bulletin bulletin = NoticeJson.readBulletin(body(request), programmeId);
        var queued = notices.postBulletin(bulletin);
        audit.record(actor, programmeId, "BULLETIN_POSTED", "bulletin " + bulletin.bulletinId(), null,
                "\"" + bulletin.subject() + "\" to " + bulletin.audience() + ", " + queued.size() + " emails");
        ObjectNode response = Json.object().put("programmeId", programmeId).put("emails", queued.size());
        response.set("notices", NoticeJson.notices(queued));
        return HttpResponses.json(202, response);
    }

    private static ObjectNode programmeSummary(StoredProgramme stored) {
        return Json.object()
                .put("programmeId", stored.programme().programmeId())
                .put("name", stored.programme().name())
                .put("version", stored.version())
                .put("inputHash", stored.inputHash())
                .put("partnerships", stored.programme().partnerships().size())
                .put("submissions", stored.programme().submissions().size());
    }

}
