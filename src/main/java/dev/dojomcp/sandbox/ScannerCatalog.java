package dev.dojomcp.sandbox;

import java.util.List;

/** Realistic scanners, finding titles and components for the generator. Scan type names match scan-types.txt. */
final class ScannerCatalog {
    private ScannerCatalog() {
    }

    enum Kind { DAST, SAST, SCA, SECRETS, IAC }

    record Issue(String title, int cwe, String mitigation) {
    }

    record Scanner(String scanType, Kind kind, List<Issue> issues, String descriptionTemplate) {
        boolean isStatic() {
            return kind != Kind.DAST;
        }
    }

    record Component(String name, String version, String fixVersion, int cwe, String issue) {
    }

    private static Issue issue(String title, int cwe, String mitigation) {
        return new Issue(title, cwe, mitigation);
    }

    private static final String WEB_FIX = "Validate and encode all user-controlled input on the server side.";

    static final List<Scanner> SCANNERS = List.of(
            new Scanner("ZAP Scan", Kind.DAST, List.of(
                    issue("Cross Site Scripting (Reflected)", 79, WEB_FIX),
                    issue("SQL Injection", 89, "Use parameterised queries."),
                    issue("Content Security Policy (CSP) Header Not Set", 693, "Set a Content-Security-Policy header."),
                    issue("Missing Anti-clickjacking Header", 1021, "Send X-Frame-Options or frame-ancestors."),
                    issue("Cookie Without Secure Flag", 614, "Set the Secure attribute on cookies."),
                    issue("Path Traversal", 22, "Canonicalise paths and restrict them to an allow-list."),
                    issue("Application Error Disclosure", 200, "Return generic error pages."),
                    issue("Server Side Request Forgery", 918, "Restrict outbound requests to an allow-list.")),
                    "ZAP reported {title} on {component}.\n\nThe alert was raised by the active scanner; see the request and response evidence."),
            new Scanner("Burp Scan", Kind.DAST, List.of(
                    issue("Cross-Site Scripting (Stored)", 79, WEB_FIX),
                    issue("SQL Injection", 89, "Use parameterised queries."),
                    issue("OS Command Injection", 78, "Never pass user input to a shell."),
                    issue("Cross-Site Request Forgery", 352, "Use anti-CSRF tokens."),
                    issue("XML External Entity Injection", 611, "Disable external entity resolution."),
                    issue("File Path Traversal", 22, "Canonicalise and restrict file paths.")),
                    "Burp Suite identified {title} in {component}.\n\nIssue background and remediation are described by PortSwigger."),
            new Scanner("Qualys Webapp Scan", Kind.DAST, List.of(
                    issue("SQL Injection", 89, "Use parameterised queries."),
                    issue("Cross-Site Scripting", 79, WEB_FIX),
                    issue("Session Cookie Does Not Contain The Secure Attribute", 614, "Set the Secure attribute."),
                    issue("Slow HTTP Headers Vulnerability", 400, "Limit header read time and connections per client.")),
                    "Qualys WAS detected {title} on {component}."),
            new Scanner("Nuclei Scan", Kind.DAST, List.of(
                    issue("Exposed Git Directory", 200, "Block access to .git in the web server."),
                    issue("Open Redirect", 601, "Validate redirect targets."),
                    issue("Unauthenticated Admin Panel", 287, "Require authentication for administrative interfaces.")),
                    "Nuclei template matched: {title} on {component}."),
            new Scanner("Semgrep JSON Report", Kind.SAST, List.of(
                    issue("Python.Django.Security.Injection.Sql.Sql-Injection-Using-Raw", 89, "Use the ORM or bind parameters."),
                    issue("Javascript.Express.Security.Audit.Xss.Direct-Response-Write", 79, WEB_FIX),
                    issue("Java.Lang.Security.Audit.Command-Injection-Process-Builder", 78, "Avoid shell invocation."),
                    issue("Generic.Secrets.Security.Detected-Generic-Secret", 798, "Move secrets to a vault."),
                    issue("Python.Lang.Security.Deserialization.Pickle.Avoid-Pickle", 502, "Do not unpickle untrusted data.")),
                    "Semgrep rule {title} matched in {file}."),
            new Scanner("SARIF", Kind.SAST, List.of(
                    issue("Uncontrolled Data Used In Path Expression", 22, "Validate paths against a base directory."),
                    issue("Database Query Built From User-Controlled Sources", 89, "Use prepared statements."),
                    issue("Deserialization Of User-Controlled Data", 502, "Use a safe serialisation format."),
                    issue("Server-Side Request Forgery", 918, "Restrict outbound destinations."),
                    issue("Unrestricted Upload Of File With Dangerous Type", 434, "Validate file types and store outside the web root."),
                    issue("Improper Input Validation", 20, "Validate input types and ranges.")),
                    "CodeQL: {title} at {file}."),
            new Scanner("Gitleaks Scan", Kind.SECRETS, List.of(
                    issue("Hard Coded AWS Access Key", 798, "Revoke the key and load it from a secret store."),
                    issue("Generic API Key", 798, "Rotate the key and remove it from history."),
                    issue("GitHub Personal Access Token", 798, "Revoke the token.")),
                    "Gitleaks found a secret ({title}) in {file}."),
            new Scanner("Checkov Scan", Kind.IAC, List.of(
                    issue("Ensure S3 Bucket Has Block Public ACLs Enabled", 284, "Enable S3 Block Public Access."),
                    issue("Ensure Data Stored In The S3 Bucket Is Securely Encrypted At Rest", 311, "Enable default encryption."),
                    issue("Ensure Security Groups Do Not Allow Ingress From 0.0.0.0/0 To Port 22", 284, "Restrict SSH ingress."),
                    issue("Ensure Containers Do Not Run As Root", 250, "Set runAsNonRoot.")),
                    "Checkov check failed: {title} in {file}."),
            new Scanner("Trivy Scan", Kind.SCA, List.of(), "{title}\n\nPackage {component} {version} is affected."),
            new Scanner("Dependency Check Scan", Kind.SCA, List.of(),
                    "{title}\n\nDependency-Check matched {component}:{version} against the NVD."),
            new Scanner("Snyk Scan", Kind.SCA, List.of(), "{title}\n\nIntroduced through {component}@{version}."),
            new Scanner("Generic Findings Import", Kind.DAST, List.of(
                    issue("Weak Password Policy", 521, "Enforce length and breach checks."),
                    issue("Missing Authentication For Critical Function", 306, "Require authentication."),
                    issue("Information Exposure Through An Error Message", 209, "Return generic error messages.")),
                    "{title} reported by a custom tool for {component}."));

    static final List<Component> COMPONENTS = List.of(
            new Component("log4j-core", "2.14.1", "2.17.1", 502, "Remote Code Execution"),
            new Component("jackson-databind", "2.9.10.1", "2.12.7.1", 502, "Deserialization Of Untrusted Data"),
            new Component("spring-web", "5.3.17", "5.3.32", 20, "Improper Input Validation"),
            new Component("lodash", "4.17.15", "4.17.21", 1321, "Prototype Pollution"),
            new Component("minimist", "1.2.5", "1.2.6", 1321, "Prototype Pollution"),
            new Component("axios", "0.21.1", "1.6.0", 918, "Server-Side Request Forgery"),
            new Component("requests", "2.25.0", "2.31.0", 200, "Information Exposure"),
            new Component("urllib3", "1.26.4", "1.26.18", 200, "Information Exposure"),
            new Component("django", "3.1.7", "3.2.25", 89, "SQL Injection"),
            new Component("openssl", "1.1.1k", "1.1.1w", 400, "Denial Of Service"),
            new Component("glibc", "2.31", "2.35", 787, "Out-Of-Bounds Write"),
            new Component("zlib", "1.2.11", "1.2.12", 787, "Out-Of-Bounds Write"),
            new Component("netty-codec-http", "4.1.68", "4.1.100", 770, "Resource Exhaustion"),
            new Component("commons-text", "1.9", "1.10.0", 94, "Code Injection"),
            new Component("snakeyaml", "1.30", "2.0", 502, "Deserialization Of Untrusted Data"),
            new Component("express", "4.17.1", "4.19.2", 601, "Open Redirect"),
            new Component("jsonwebtoken", "8.5.1", "9.0.0", 287, "Improper Authentication"),
            new Component("golang.org/x/net", "0.7.0", "0.17.0", 400, "Denial Of Service"),
            new Component("pyyaml", "5.3.1", "5.4", 20, "Improper Input Validation"),
            new Component("tar", "6.1.0", "6.1.9", 22, "Path Traversal"));

    static final List<String> DAST_TARGETS = List.of("https://shop.example.com/search", "https://api.example.com/v1/users",
            "https://portal.example.com/login", "https://admin.example.com/", "https://cdn.example.com/assets/app.js",
            "https://api.example.com/v2/orders", "https://support.example.com/tickets");

    static final List<String> SOURCE_FILES = List.of("src/main/java/com/acme/web/UserController.java",
            "src/main/java/com/acme/data/OrderRepository.java", "app/views.py", "app/models.py", "src/routes/api.js",
            "src/server/upload.ts", "cmd/server/main.go", "internal/auth/token.go", "config/settings.py",
            "deploy/terraform/s3.tf", "deploy/terraform/network.tf", "charts/app/templates/deployment.yaml",
            ".github/workflows/release.yml", "scripts/deploy.sh");

    static final List<String> FINDING_TAGS = List.of("pci", "gdpr", "internet-facing", "backend", "frontend", "legacy",
            "needs-triage", "third-party", "auth", "sprint-42");
}
