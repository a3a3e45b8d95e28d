package dev.dojomcp.defectdojo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(
        Long id, String name, String description, Long prodType, String businessCriticality, String platform,
        String lifecycle, String origin, Integer findingsCount, List<String> tags, String created,
        Boolean externalAudience, Boolean internetAccessible, Long productManager, Long technicalContact,
        Long teamManager, Long slaConfiguration) {
}
