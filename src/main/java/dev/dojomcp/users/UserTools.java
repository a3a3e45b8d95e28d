package dev.dojomcp.users;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.DojoGroup;
import dev.dojomcp.defectdojo.model.DojoGroupMember;
import dev.dojomcp.defectdojo.model.Role;
import dev.dojomcp.defectdojo.model.User;
import dev.dojomcp.tools.Listing;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolException;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.users.UserInputs.GetGroupMembers;
import dev.dojomcp.users.UserInputs.GetGroups;
import dev.dojomcp.users.UserInputs.GetRoles;
import dev.dojomcp.users.UserInputs.GetUsers;
import dev.dojomcp.users.UserInputs.GroupId;
import dev.dojomcp.users.UserInputs.UserId;
import java.lang.reflect.Type;
import java.util.List;

/** Users, and on DefectDojo 2.x the groups, group memberships and roles that 3.x open source removed. */
public final class UserTools {
    static final String NO_RBAC = "this DefectDojo has no %s endpoint: groups, group members and roles exist in "
            + "DefectDojo 2.x and DefectDojo Pro, not in DefectDojo 3.x open source";

    private UserTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(getUsers(), getUserById(), getGroups(), getGroupById(), getDojoGroupMembers(), getRoles());
    }

    static ToolSpec<GetUsers, Listing<User>> getUsers() {
        return ToolSpec.named("get_users", GetUsers.class)
                .title("List users")
                .description("DefectDojo users, filterable by username, email, active and superuser flags. "
                        + "DefectDojo shows users only to superusers or holders of the user permissions.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(Listing.class, new Type[] {User.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.USERS)
                            .set("username", in.username())
                            .set("email", in.email())
                            .set("is_active", in.isActive())
                            .set("is_superuser", in.isSuperuser());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), User.class);
                });
    }

    static ToolSpec<UserId, User> getUserById() {
        return ToolSpec.named("get_user_by_id", UserId.class)
                .title("Get a user")
                .description("One DefectDojo user by id: username, names, email and active, staff and superuser flags.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(User.class, (ctx, in) -> ctx.dojo().get(Resource.USERS, in.userId(), User.class));
    }

    static ToolSpec<GetGroups, Listing<DojoGroup>> getGroups() {
        return ToolSpec.named("get_groups", GetGroups.class)
                .title("List groups")
                .description("User groups (DefectDojo 2.x and Pro only; 3.x open source has none).")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(Listing.class, new Type[] {DojoGroup.class}, (ctx, in) -> {
                    require(ctx.dojo(), Resource.DOJO_GROUPS);
                    Query q = Query.on(Resource.DOJO_GROUPS).set("name", in.name());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), DojoGroup.class);
                });
    }

    static ToolSpec<GroupId, DojoGroup> getGroupById() {
        return ToolSpec.named("get_group_by_id", GroupId.class)
                .title("Get a group")
                .description("One user group by id (DefectDojo 2.x and Pro only).")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(DojoGroup.class, (ctx, in) -> {
                    require(ctx.dojo(), Resource.DOJO_GROUPS);
                    return ctx.dojo().get(Resource.DOJO_GROUPS, in.groupId(), DojoGroup.class);
                });
    }

    static ToolSpec<GetGroupMembers, Listing<DojoGroupMember>> getDojoGroupMembers() {
        return ToolSpec.named("get_dojo_group_members", GetGroupMembers.class)
                .title("List group members")
                .description("Group memberships with their role ids, by group and/or user "
                        + "(DefectDojo 2.x and Pro only).")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(Listing.class, new Type[] {DojoGroupMember.class}, (ctx, in) -> {
                    require(ctx.dojo(), Resource.DOJO_GROUP_MEMBERS);
                    Query q = Query.on(Resource.DOJO_GROUP_MEMBERS)
                            .set("group_id", in.groupId())
                            .set("user_id", in.userId());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), DojoGroupMember.class);
                });
    }

    static ToolSpec<GetRoles, Listing<Role>> getRoles() {
        return ToolSpec.named("get_roles", GetRoles.class)
                .title("List roles")
                .description("Role definitions (Reader, Writer, Maintainer, Owner, API_Importer) used by group "
                        + "memberships (DefectDojo 2.x and Pro only).")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.USERS)
                .handler(Listing.class, new Type[] {Role.class}, (ctx, in) -> {
                    require(ctx.dojo(), Resource.ROLES);
                    return Listing.fetch(ctx, Query.on(Resource.ROLES), in.limit(), in.offset(), Role.class);
                });
    }

    private static void require(DefectDojoClient dojo, Resource resource) {
        if (!dojo.capabilities().has(resource)) {
            throw new ToolException(String.format(NO_RBAC, resource.path()));
        }
    }
}
