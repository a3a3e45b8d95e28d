package dev.dojomcp.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Range;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Input records of the user, group and role tools. */
public final class UserInputs {
    private UserInputs() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetUsers(
            @JsonPropertyDescription("Username contains this text (case-insensitive)") @Format(maxLength = 150)
            String username,
            @JsonPropertyDescription("Email contains this text (case-insensitive)") @Format(maxLength = 254)
            String email,
            Boolean isActive,
            Boolean isSuperuser,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetUsers {
            username = Args.text("username", username, 150);
            email = Args.text("email", email, 254);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UserId(@JsonProperty(required = true) @Range(min = 1) Long userId) {
        public UserId {
            Ids.require("user_id", userId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetGroups(
            @JsonPropertyDescription("Exact group name") @Format(maxLength = 255) String name,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetGroups {
            name = Args.text("name", name, 255);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GroupId(@JsonProperty(required = true) @Range(min = 1) Long groupId) {
        public GroupId {
            Ids.require("group_id", groupId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetGroupMembers(
            @JsonPropertyDescription("Members of this group") @Range(min = 1) Long groupId,
            @JsonPropertyDescription("Memberships of this user") @Range(min = 1) Long userId,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetRoles(
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
    }
}
