package sqlstore

// memberSkills yields (org_id, concept_id, user_id) for every skill that a
// member of an organisation shows to visitors: on an active account, in a
// skills section whose visibility is public (the default when the person
// has not saved a profile). It is the one place that knows the people
// tables, so competences derived from members follow that area's rules.
//
// Evidence from members is read when it is needed rather than copied into
// org_concepts: people change their skills and visibility in their own
// transactions, and a copy would drift.
const memberSkills = `SELECT m.org_id AS org_id, ps.concept_id AS concept_id, m.user_id AS user_id
	FROM org_members m
	JOIN users u ON u.id = m.user_id AND u.deactivated_at IS NULL
	JOIN profile_skills ps ON ps.user_id = m.user_id
	LEFT JOIN profiles pr ON pr.user_id = m.user_id
	WHERE COALESCE(pr.vis_skills, 'public') = 'public'`
