"""Agents (beta): create an agent, update it (a new version), pin versions with an alias, read by alias.

Real API with MISTRAL_API_KEY; otherwise the local mock server. The agent is deleted at the end.
"""

import sys

from _common import failed, session_for_example

from mistral_fn import (
    Err,
    Ok,
    Session,
    beta_agents_create,
    beta_agents_create_version_alias,
    beta_agents_delete,
    beta_agents_get,
    beta_agents_list_version_aliases,
    beta_agents_list_versions,
    beta_agents_update,
    beta_agents_update_version,
)


def versions_and_aliases(session: Session, agent_id: str) -> int:
    # Every update makes a new version; the agent answers with its current one.
    match beta_agents_update(session, agent_id=agent_id, instructions="Answer in French, in one sentence."):
        case Ok(agent):
            print(f"updated: now version {agent.version}")
        case Err(error):
            return failed("beta_agents_update", error)

    match beta_agents_list_versions(session, agent_id=agent_id):
        case Ok(versions):
            print("versions:", sorted(v.version for v in versions))
        case Err(error):
            return failed("beta_agents_list_versions", error)

    first = min(v.version for v in versions)
    match beta_agents_create_version_alias(session, agent_id=agent_id, alias="stable", version=first):
        case Ok(alias):
            print(f"alias {alias.alias!r} -> version {alias.version}")
        case Err(error):
            return failed("beta_agents_create_version_alias", error)

    match beta_agents_list_version_aliases(session, agent_id=agent_id):
        case Ok(aliases):
            print("aliases:", {a.alias: a.version for a in aliases})
        case Err(error):
            return failed("beta_agents_list_version_aliases", error)

    match beta_agents_get(session, agent_id=agent_id, agent_version="stable"):  # a version number or an alias
        case Ok(agent):
            print(f"by alias: version {agent.version}: {agent.instructions!r}")
        case Err(error):
            return failed("beta_agents_get", error)

    match beta_agents_update_version(session, agent_id=agent_id, version=first):  # roll back
        case Ok(agent):
            print(f"current version is now {agent.version}")
        case Err(error):
            return failed("beta_agents_update_version", error)
    return 0


def main() -> int:
    with session_for_example("beta_agents") as session:
        match beta_agents_create(
            session,
            model="mistral-small-latest",
            name="translator",
            description="Translates into French.",
            instructions="Translate the user's message into French.",
            completion_args={"temperature": 0.2},
        ):
            case Ok(agent):
                print(f"created agent {agent.id}, version {agent.version}")
            case Err(error):
                return failed("beta_agents_create", error)
        try:
            return versions_and_aliases(session, agent.id)
        finally:
            match beta_agents_delete(session, agent_id=agent.id):
                case Ok(None):
                    print("deleted", agent.id)
                case Err(error):
                    failed("beta_agents_delete", error)


if __name__ == "__main__":
    sys.exit(main())
