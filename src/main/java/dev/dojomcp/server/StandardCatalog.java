package dev.dojomcp.server;

import dev.dojomcp.analytics.AnalyticsTools;
import dev.dojomcp.findings.FindingTools;
import dev.dojomcp.imports.ImportTools;
import dev.dojomcp.findings.FindingWriteTools;
import dev.dojomcp.findings.RiskAcceptanceTools;
import dev.dojomcp.products.HierarchyWriteTools;
import dev.dojomcp.products.ProductTools;
import dev.dojomcp.system.SystemTools;
import dev.dojomcp.tools.ToolCatalog;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.users.UserTools;
import java.util.ArrayList;
import java.util.List;

/** Every tool the product offers; the single list that registration, docs and tests derive from. */
public final class StandardCatalog {
    private StandardCatalog() {
    }

    public static ToolCatalog create() {
        List<ToolSpec<?, ?>> tools = new ArrayList<>();
        tools.addAll(FindingTools.all());
        tools.addAll(FindingWriteTools.all());
        tools.addAll(RiskAcceptanceTools.all());
        tools.addAll(ProductTools.all());
        tools.addAll(HierarchyWriteTools.all());
        tools.addAll(UserTools.all());
        tools.addAll(ImportTools.all());
        tools.addAll(AnalyticsTools.all());
        tools.addAll(SystemTools.all());
        return new ToolCatalog(tools);
    }
}
