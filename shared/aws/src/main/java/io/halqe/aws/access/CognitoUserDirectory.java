package io.halqe.aws.access;

import io.halqe.domain.access.Role;
import io.halqe.domain.access.UserDirectory;
import io.halqe.domain.core.InvalidCursorException;
import io.halqe.domain.core.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The people's user pool (template.yaml's PeoplePool): accounts made with a verified email, which Cognito sends the
 * temporary password to; a person's role is the group of that name. The calls are the ones the template grants the
 * API: AdminCreateUser, AdminGetUser, ListUsers, AdminListGroupsForUser, AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, AdminDeleteUser. A name the pool refuses as a name (InvalidParameterException) is nobody's.
 */
public final class CognitoUserDirectory implements UserDirectory {

    /** ListUsers' largest page. */
    static final int MAX_PAGE = 60;

    private final CognitoIdentityProviderClient cognito;
    private final String poolId;

    public CognitoUserDirectory(CognitoIdentityProviderClient cognito, String poolId) {
        this.cognito = cognito;
        this.poolId = poolId;
    }

    @Override
    public boolean create(String username, String email) {
        try {
            cognito.adminCreateUser(request -> request.userPoolId(poolId).username(username)
                    .userAttributes(attribute("email", email), attribute("email_verified", "true"))
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
            return true;
        } catch (UsernameExistsException taken) {
            return false;
        }
    }

    @Override
    public Optional<Account> find(String username) {
        try {
            var user = cognito.adminGetUser(request -> request.userPoolId(poolId).username(username));
            return Optional.of(new Account(user.username(), email(user.userAttributes()), role(groupsOf(username)),
                    Boolean.TRUE.equals(user.enabled()), user.userStatusAsString(), user.userCreateDate()));
        } catch (UserNotFoundException | InvalidParameterException none) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Account> list(int limit, String cursor) {
        ListUsersResponse page;
        try {
            page = cognito.listUsers(request -> request.userPoolId(poolId).limit(Math.max(1, Math.min(limit, MAX_PAGE)))
                    .paginationToken(cursor));
        } catch (InvalidParameterException invalid) {
            if (cursor != null) {
                throw new InvalidCursorException();
            }
            throw invalid;
        }
        List<Account> accounts = new ArrayList<>();
        for (UserType user : page.users()) {
            accounts.add(account(user, role(groupsOf(user.username()))));
        }
        return new Page<>(accounts, page.paginationToken());
    }

    @Override
    public boolean assign(String username, Role role) {
        try {
            // the other roles' groups left first: a change cut short leaves less access, never more
            for (String group : groupsOf(username)) {
                if (Role.of(group).isPresent() && !group.equals(role.wireName())) {
                    cognito.adminRemoveUserFromGroup(request -> request.userPoolId(poolId).username(username)
                            .groupName(group));
                }
            }
            cognito.adminAddUserToGroup(request -> request.userPoolId(poolId).username(username)
                    .groupName(role.wireName()));
            return true;
        } catch (UserNotFoundException | InvalidParameterException none) {
            return false;
        }
    }

    @Override
    public boolean delete(String username) {
        try {
            cognito.adminDeleteUser(request -> request.userPoolId(poolId).username(username));
            return true;
        } catch (UserNotFoundException | InvalidParameterException none) {
            return false;
        }
    }

    private List<String> groupsOf(String username) {
        List<String> groups = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = cognito.adminListGroupsForUser(request -> request.userPoolId(poolId).username(username)
                    .nextToken(token));
            page.groups().stream().map(GroupType::groupName).forEach(groups::add);
            next = page.nextToken();
        } while (next != null);
        return groups;
    }

    /** The most their groups give: admin before manager, agent and viewer. */
    private static Role role(List<String> groups) {
        return groups.stream().map(Role::of).flatMap(Optional::stream).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Account account(UserType user, Role role) {
        return new Account(user.username(), email(user.attributes()), role, Boolean.TRUE.equals(user.enabled()),
                user.userStatusAsString(), user.userCreateDate());
    }

    private static String email(List<AttributeType> attributes) {
        return attributes.stream().filter(attribute -> attribute.name().equals("email")).map(AttributeType::value)
                .findFirst().orElse(null);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
