import { CHECKLISTS } from "@org/checklists";

// One page per checklist, from the same data as the pull-request template.
export default {
  paths() {
    return CHECKLISTS.map((checklist) => ({ params: { id: checklist.id, title: checklist.title } }));
  },
};
